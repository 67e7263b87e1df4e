#pragma once
// JSON forms of model values and the one way every command writes JSON. Keys come out in the order written
// here (ordered_json); source places and trivia are left out: JSON says what an object is, not where it was
// written. Names are given unquoted, as the model keeps them.

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.hpp"

namespace schemac {

using Json = nlohmann::ordered_json;

Json json_of(const Namespace& n);
Json json_of(const Extension& e);
Json json_of(const Enum& e);
Json json_of(const Sequence& q);
Json json_of(const Table& t);
Json json_of(const Column& c);
Json json_of(const Constraint& k);
Json json_of(const Index& ix);
Json json_of(const Hypertable& h);
Json json_of(const Compression& c);
Json json_of(const Dimension& d);
Json json_of(const Span& s);  // the interval text ("7 days"), or the number for an integer time column

// Two-space indented with a final newline. Text that is not UTF-8 (a name from a SQL_ASCII database) becomes
// U+FFFD instead of an exception.
std::string dump_json(const Json& j);

}  // namespace schemac

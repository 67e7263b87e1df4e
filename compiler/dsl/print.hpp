#pragma once
// The printer behind `schemac fmt` and `schemac pull`: a Schema model back to canonical schema.dsl text
// (layout rules at the end of compiler/dsl/grammar/SYNTAX.md).
//
// It accepts a model straight from the parser (names empty where none was written) as well as one read from
// a live database (every name filled in): names equal to PostgreSQL's default are left out, single-column
// constraints with a default name go inline on their column, everything else is printed at table level.

#include <string>
#include <string_view>

#include "model/model.hpp"

namespace schemac {

// The whole file: ends with exactly one newline (an empty Schema prints as "").
std::string print_dsl(const Schema& schema);

// A name as the DSL writes it: bare when it is [A-Za-z_][A-Za-z0-9_]* and not a DSL keyword, otherwise in
// double quotes with "" for a quote inside.
std::string dsl_name(std::string_view name);


}  // namespace schemac

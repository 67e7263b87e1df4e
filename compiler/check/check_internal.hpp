#pragma once
// Shared helpers of the check stage (check.cpp, check_hypertable.cpp, check_query.cpp). Not part of the
// library's interface: other stages include check.hpp only.

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/model.hpp"

namespace schemac::check_detail {

// Collects diagnostics; every rule reports through it so no rule stops the others.
struct Reporter {
  Diagnostics& out;
  void error(const Loc& loc, std::string message, std::string hint = {});
  void warning(const Loc& loc, std::string message, std::string hint = {});
};

// `did you mean "x"?` for the candidate closest to `word` (edit distance), or empty when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// `did you mean ...?` when a close candidate exists, otherwise `<what> are: a, b, c` (a short list).
std::string unknown_name_hint(std::string_view word, const std::vector<std::string>& candidates,
                              std::string_view what);


// "t" for public tables, "s.t" otherwise: how messages name a table.
std::string display_name(const Table& t);
std::string display_name(std::string_view schema, std::string_view name);

// Reports `unknown column "c" in <what>` (with a suggestion) when t has no column c. Returns whether it exists.
bool require_column(Reporter& r, const Table& t, const std::string& column, const Loc& loc, std::string_view what);

// Checks a list of column names: each must exist and appear once. Returns whether all of them are fine.
bool require_columns(Reporter& r, const Table& t, const std::vector<std::string>& columns, const Loc& loc,
                     std::string_view what);

// Makes a column type canonical and resolves enums (sets Type::schema) and extension types. `scope` is the
// schema of the object that uses the type: an unqualified enum name is looked up there, then in public.
// Reports unknown types, wrong modifiers and missing extensions; returns whether the type is usable.
bool resolve_type(Reporter& r, const Schema& s, Type& type, const std::string& scope, const Loc& loc);

// The canonical NullsOrder: nulls last on ascending and nulls first on descending are the implied default.

bool has_extension(const Schema& s, std::string_view name);

// "7 days", "30 minutes", "100000": a span as messages show it.

void check_hypertable(Reporter& r, const Schema& s, Table& t);
void check_queries(Reporter& r, const Schema& s, Table& t);
// Column references, defaults and literal values in the SQL inside a table (check_sql.cpp).
void check_expressions(Reporter& r, const Schema& s, const Table& t);

}  // namespace schemac::check_detail

#pragma once
// PostgreSQL's own parser (libpg_query: the PostgreSQL 15 grammar as a C library), wrapped once. Every piece of
// SQL text the compiler must understand goes through here: script files (script.cpp) and the expressions inside
// the DSL (checks, defaults, generated columns, index keys and predicates).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace schemac {

using SqlTree = nlohmann::json;

struct SqlParse {
  SqlTree tree;              // statements: {"stmts": [...]}; expressions: the expression's node
  std::string error;         // the parser's message, empty when it parsed
  size_t error_offset = 0;   // byte offset of the error in the text given
  bool ok() const { return error.empty(); }
};

// All statements of `text`.
SqlParse parse_sql(std::string_view text);

// Exactly one expression, as PostgreSQL reads the expression of a check, a default, a generated column, an index
// key or an index predicate. A fragment that is not one expression (two, or a clause after it) is an error too.
// Results are kept for the life of the process (parse, check, print and diff each read the same expressions,
// and a schema repeats the same few): the reference stays valid.
const SqlParse& parse_expression(std::string_view expr);

// Calls `visit` on every node of type `kind` ("ColumnRef", "FuncCall", ...) inside `tree`, in source order.
void each_node(const SqlTree& tree, std::string_view kind, const std::function<void(const SqlTree&)>& visit);

// The columns an expression reads: the last name of each column reference, as PostgreSQL folds it.
std::vector<std::string> column_refs(const SqlTree& expr);

// The name PostgreSQL derives for an expression (FigureColnameInternal): a column's name, a function's, a cast's
// argument or type, "case", "coalesce", ...; "" when it derives none (an operator expression). Index keys and
// result columns are named from it.
std::string expression_name(const SqlTree& expr);

// Whether an expression calls a function PostgreSQL marks volatile among those a default commonly uses
// (random(), gen_random_uuid(), clock_timestamp(), nextval(), ...): such a default gives each existing row its
// own value when a column is added, so the table is rewritten.
bool calls_volatile_function(const SqlTree& expr);

// The sequence a default such as `nextval('trading.ids'::regclass)` or `nextval('"Order Numbers"')` draws from:
// the whole expression is one nextval() call on one string literal (cast to regclass or not), whose text is read as
// PostgreSQL reads a regclass name (unquoted parts fold to lower case; no schema means public). nullopt otherwise.
struct Nextval {
  std::string schema, name;
  bool regclass_cast = false;  // written 'name'::regclass, as the catalog prints it
};
std::optional<Nextval> nextval_sequence(std::string_view expr);

}  // namespace schemac

#include "catalog/readable.hpp"

#include <optional>
#include <vector>

#include "model/quote.hpp"
#include "sql/parser.hpp"

namespace schemac {

namespace {

const SqlTree* child(const SqlTree& node, const char* kind) {
  auto it = node.find(kind);
  return it == node.end() ? nullptr : &*it;
}

// The node under any number of casts: `('BUY'::character varying)::text` -> 'BUY'.
const SqlTree& uncast(const SqlTree& node) {
  const SqlTree* n = &node;
  while (const SqlTree* cast = child(*n, "TypeCast")) n = &(*cast)["arg"];
  return *n;
}

std::optional<std::string> column_name(const SqlTree& node) {
  const SqlTree* ref = child(uncast(node), "ColumnRef");
  if (!ref || (*ref)["fields"].size() != 1) return std::nullopt;
  const SqlTree* name = child((*ref)["fields"][0], "String");
  if (!name) return std::nullopt;
  return (*name)["sval"].get<std::string>();
}

std::optional<std::vector<std::string>> string_constants(const SqlTree& node) {
  const SqlTree* array = child(uncast(node), "A_ArrayExpr");
  if (!array || !array->contains("elements")) return std::nullopt;
  std::vector<std::string> out;
  for (const SqlTree& e : (*array)["elements"]) {
    const SqlTree* c = child(uncast(e), "A_Const");
    if (!c || !c->contains("sval")) return std::nullopt;
    out.push_back((*c)["sval"]["sval"].get<std::string>());
  }
  return out;
}

}  // namespace

std::string readable_expression(const std::string& expr) {
  const SqlParse& p = parse_expression(expr);
  if (!p.ok()) return expr;
  const SqlTree* a = child(p.tree, "A_Expr");
  if (!a || !a->contains("lexpr") || !a->contains("rexpr") || (*a)["name"].size() != 1) return expr;
  const std::string kind = (*a)["kind"].get<std::string>();
  const std::string op = (*a)["name"][0]["String"]["sval"].get<std::string>();
  const bool in = kind == "AEXPR_OP_ANY" && op == "=", not_in = kind == "AEXPR_OP_ALL" && op == "<>";
  if (!in && !not_in) return expr;
  std::optional<std::string> column = column_name((*a)["lexpr"]);
  std::optional<std::vector<std::string>> values = string_constants((*a)["rexpr"]);
  if (!column || !values || values->empty()) return expr;
  std::string out = quote_ident(*column) + (in ? " IN (" : " NOT IN (");
  for (size_t i = 0; i < values->size(); ++i) out += (i ? ", " : "") + quote_literal((*values)[i]);
  return out + ")";
}

void readable_checks(Schema& s) {
  for (Table& t : s.tables)
    for (Constraint& k : t.constraints)
      if (k.kind == Constraint::Kind::check) k.check_expr = readable_expression(k.check_expr);
}

}  // namespace schemac

#include "sql/parser.hpp"

#include <pg_query.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_map>

#include "model/text.hpp"

namespace schemac {
namespace {

// libpg_query reports a 1-based character position; callers place carets by byte.
size_t byte_of_char(std::string_view text, int cursorpos) {
  return utf8_offset(text, cursorpos > 0 ? static_cast<size_t>(cursorpos - 1) : 0);
}

constexpr std::string_view kSelect = "SELECT ";

// Keys of a SelectStmt that mean more than `SELECT <expr>`.
constexpr std::array<std::string_view, 11> kClauses = {
    "fromClause", "whereClause",  "groupClause", "havingClause", "sortClause", "limitCount",
    "limitOffset", "withClause", "distinctClause", "windowClause", "valuesLists"};

// Volatile functions (pg_proc.provolatile = 'v') a default or an expression plausibly calls.
constexpr std::array<std::string_view, 9> kVolatile = {
    "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4", "clock_timestamp",
    "timeofday", "nextval", "statement_timestamp", "setseed"};

}  // namespace

SqlParse parse_sql(std::string_view text) {
  std::string owned(text);  // NUL-terminated for the C API
  PgQueryParseResult r = pg_query_parse(owned.c_str());
  SqlParse out;
  if (r.error) {
    out.error = r.error->message ? r.error->message : "syntax error";
    out.error_offset = byte_of_char(text, r.error->cursorpos);
  } else {
    out.tree = SqlTree::parse(r.parse_tree);
  }
  pg_query_free_parse_result(r);
  return out;
}

static SqlParse parse_one_expression(std::string_view expr) {
  SqlParse p = parse_sql(std::string(kSelect) + std::string(expr));
  if (!p.ok()) {
    p.error_offset = p.error_offset >= kSelect.size() ? p.error_offset - kSelect.size() : 0;
    return p;
  }
  const SqlTree& stmts = p.tree["stmts"];
  const SqlTree* select = nullptr;
  if (stmts.size() == 1 && stmts[0].contains("stmt") && stmts[0]["stmt"].contains("SelectStmt"))
    select = &stmts[0]["stmt"]["SelectStmt"];
  // `a > 0 and` parses as `a > 0 AS "and"` (PostgreSQL takes most keywords as bare labels): no label either.
  bool one = select && select->contains("targetList") && (*select)["targetList"].size() == 1 &&
             !(*select)["targetList"][0]["ResTarget"].contains("name") &&
             std::none_of(kClauses.begin(), kClauses.end(), [&](auto k) { return select->contains(std::string(k)); });
  SqlParse out;
  if (!one) {
    out.error = "not one SQL expression";
    return out;
  }
  out.tree = (*select)["targetList"][0]["ResTarget"]["val"];
  return out;
}

const SqlParse& parse_expression(std::string_view expr) {
  static std::mutex lock;
  static std::unordered_map<std::string, SqlParse> parsed;
  std::lock_guard<std::mutex> guard(lock);
  auto it = parsed.find(std::string(expr));
  if (it == parsed.end()) it = parsed.emplace(std::string(expr), parse_one_expression(expr)).first;
  return it->second;
}

void each_node(const SqlTree& tree, std::string_view kind, const std::function<void(const SqlTree&)>& visit) {
  if (tree.is_object()) {
    for (auto it = tree.begin(); it != tree.end(); ++it) {
      if (it.key() == kind) visit(it.value());
      each_node(it.value(), kind, visit);
    }
  } else if (tree.is_array()) {
    for (const auto& v : tree) each_node(v, kind, visit);
  }
}

std::vector<std::string> column_refs(const SqlTree& expr) {
  std::vector<std::string> out;
  each_node(expr, "ColumnRef", [&](const SqlTree& ref) {
    const SqlTree& fields = ref.value("fields", SqlTree::array());
    if (fields.empty() || !fields.back().contains("String")) return;  // t.* and the like
    out.push_back(fields.back()["String"].value("sval", ""));
  });
  return out;
}

namespace {

std::string last_name(const SqlTree& names) {
  if (!names.is_array() || names.empty() || !names.back().contains("String")) return "";
  return names.back()["String"].value("sval", "");
}

// FigureColnameInternal: the name and its strength (2 = a real name, 1 = a fallback a stronger one may
// replace, 0 = none).
int figure_name(const SqlTree& node, std::string& name) {
  if (!node.is_object() || node.empty()) return 0;
  const std::string& kind = node.begin().key();
  const SqlTree& n = node.begin().value();
  if (kind == "ColumnRef") {
    std::string f = last_name(n.value("fields", SqlTree::array()));
    if (f.empty()) return 0;
    name = f;
    return 2;
  }
  if (kind == "FuncCall") {
    name = last_name(n.value("funcname", SqlTree::array()));
    return name.empty() ? 0 : 2;
  }
  if (kind == "TypeCast") {
    int strength = figure_name(n.value("arg", SqlTree::object()), name);
    if (strength <= 1) {
      std::string t = last_name(n["typeName"].value("names", SqlTree::array()));
      if (!t.empty()) name = t;
      return t.empty() ? strength : 1;
    }
    return strength;
  }
  if (kind == "CollateClause") return figure_name(n.value("arg", SqlTree::object()), name);
  if (kind == "CaseExpr") {
    int strength = figure_name(n.value("defresult", SqlTree::object()), name);
    if (strength <= 1) {
      name = "case";
      return 1;
    }
    return strength;
  }
  const std::pair<std::string_view, std::string_view> fixed[] = {
      {"A_ArrayExpr", "array"}, {"RowExpr", "row"}, {"CoalesceExpr", "coalesce"}, {"GroupingFunc", "grouping"}};
  for (auto [k, v] : fixed)
    if (kind == k) {
      name = v;
      return 2;
    }
  if (kind == "MinMaxExpr") {
    name = n.value("op", "") == "IS_LEAST" ? "least" : "greatest";
    return 2;
  }
  if (kind == "A_Expr" && n.value("kind", "") == "AEXPR_NULLIF") {
    name = "nullif";
    return 2;
  }
  if (kind == "SQLValueFunction") {
    std::string op = n.value("op", "");
    if (op.rfind("SVFOP_", 0) != 0) return 0;
    op = to_lower(op.substr(6));
    if (op.size() > 2 && op.ends_with("_n")) op.resize(op.size() - 2);
    name = op;
    return 2;
  }
  return 0;
}

}  // namespace

std::string expression_name(const SqlTree& expr) {
  std::string name;
  return figure_name(expr, name) > 0 ? name : "";
}

bool calls_volatile_function(const SqlTree& expr) {
  bool found = false;
  each_node(expr, "FuncCall", [&](const SqlTree& call) {
    const SqlTree& name = call.value("funcname", SqlTree::array());
    if (name.empty() || !name.back().contains("String")) return;
    std::string f = name.back()["String"].value("sval", "");
    if (std::find(kVolatile.begin(), kVolatile.end(), f) != kVolatile.end()) found = true;
  });
  return found;
}

}  // namespace schemac

namespace schemac {
namespace {

// A regclass name's text: `a`, `"A b"`, `s.t`; nullopt for anything else (three parts, an empty part).
std::optional<std::vector<std::string>> regclass_parts(std::string_view text) {
  std::vector<std::string> parts(1);
  bool quoted = false, closed = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c != '"') parts.back() += c;
      else if (i + 1 < text.size() && text[i + 1] == '"') parts.back() += '"', ++i;
      else quoted = false, closed = true;
    } else if (c == '"') {
      if (!parts.back().empty()) return std::nullopt;
      quoted = true;
    } else if (c == '.') {
      if (parts.back().empty()) return std::nullopt;
      parts.emplace_back();
      closed = false;
    } else {
      if (closed) return std::nullopt;
      parts.back() += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  if (quoted || parts.back().empty() || parts.size() > 2) return std::nullopt;
  return parts;
}

}  // namespace

std::optional<Nextval> nextval_sequence(std::string_view expr) {
  const SqlParse& p = parse_expression(expr);
  if (!p.ok() || !p.tree.contains("FuncCall")) return std::nullopt;
  const SqlTree& call = p.tree["FuncCall"];
  const SqlTree& fname = call.value("funcname", SqlTree::array());
  if (last_name(fname) != "nextval" || fname.size() > 2) return std::nullopt;
  if (fname.size() == 2 && fname[0].contains("String") && fname[0]["String"].value("sval", "") != "pg_catalog")
    return std::nullopt;
  const SqlTree& args = call.value("args", SqlTree::array());
  if (args.size() != 1) return std::nullopt;
  Nextval out;
  const SqlTree* arg = &args[0];
  if (arg->contains("TypeCast")) {
    const SqlTree& cast = (*arg)["TypeCast"];
    if (last_name(cast["typeName"].value("names", SqlTree::array())) != "regclass") return std::nullopt;
    out.regclass_cast = true;
    arg = &cast["arg"];
  }
  if (!arg->contains("A_Const") || !(*arg)["A_Const"].contains("sval")) return std::nullopt;
  auto parts = regclass_parts((*arg)["A_Const"]["sval"].value("sval", ""));
  if (!parts) return std::nullopt;
  out.schema = parts->size() == 2 ? (*parts)[0] : "public";
  out.name = parts->back();
  return out;
}

}  // namespace schemac

// Query rules: parameters declared and used, their types inferred from the columns they are compared with,
// result and order columns known, and `-> one` queries that really return at most one row.
//
// The where clause is SQL, read with PostgreSQL's parser (sql/parser.hpp) once each `:name` is a numbered
// parameter. Types are inferred from the forms the language promises (`col op :p`, `:p op col`, `col between
// :a and :b`, `col in (:a, :b)`, `col = any(:p)`, `:p::type`); anything else needs the parameter's type written.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "check/check_internal.hpp"
#include "check/query_text.hpp"
#include "model/quote.hpp"
#include "model/suggest.hpp"
#include "model/text.hpp"
#include "model/types.hpp"
#include "sql/parser.hpp"

namespace schemac::check_detail {

namespace {

std::string node_kind(const SqlTree& n) { return n.is_object() && !n.empty() ? n.begin().key() : ""; }
const SqlTree& node_body(const SqlTree& n) { return n.begin().value(); }

// The unqualified column a node names, or "".
std::string column_name(const SqlTree& n) {
  if (node_kind(n) != "ColumnRef") return "";
  const SqlTree& f = node_body(n).value("fields", SqlTree::array());
  return f.size() == 1 && f[0].contains("String") ? f[0]["String"].value("sval", "") : "";
}

int param_number(const SqlTree& n) { return node_kind(n) == "ParamRef" ? node_body(n).value("number", 0) : 0; }

std::string operator_name(const SqlTree& a_expr) {
  const SqlTree& name = a_expr.value("name", SqlTree::array());
  return !name.empty() && name.back().contains("String") ? name.back()["String"].value("sval", "") : "";
}

// A cast's target as a model type: pg_catalog names as the parser writes them (int4, float8), modifiers, [].
Type cast_target(const SqlTree& type_name) {
  Type ty;
  const SqlTree& names = type_name.value("names", SqlTree::array());
  std::vector<std::string> parts;
  for (auto& n : names)
    if (n.contains("String")) parts.push_back(n["String"].value("sval", ""));
  if (!parts.empty()) ty.name = parts.back();
  if (parts.size() == 2 && parts[0] != "pg_catalog") ty.schema = parts[0];
  for (auto& m : type_name.value("typmods", SqlTree::array()))
    if (m.contains("A_Const") && m["A_Const"].contains("ival")) ty.mods.push_back(m["A_Const"]["ival"].value("ival", 0));
  ty.array_dims = static_cast<int>(type_name.value("arrayBounds", SqlTree::array()).size());
  return ty;
}

bool is_value(const SqlTree& n) {
  std::string k = node_kind(n);
  return k == "ParamRef" || k == "A_Const" || (k == "TypeCast" && is_value(node_body(n).value("arg", SqlTree::object())));
}

// The where clause of one query as PostgreSQL parses it: which parameters it uses, what each is compared with,
// and which columns `=` fixes.
struct WhereReader {
  const Table& t;
  std::vector<std::string> names;          // parameter $k is names[k - 1]
  SqlTree where;                           // the clause's tree; null when there is none
  std::string error;                       // the parser's message when the clause is not valid SQL
  std::set<std::string> unknown_columns;   // names used as columns that the table does not have
  std::map<int, Type> inferred;            // parameter number -> type
  std::vector<std::string> equalities;     // columns compared with a value by `=`
  bool has_or = false;

  WhereReader(const Table& table, const std::string& text) : t(table) {
    if (trim(text).empty()) return;
    SqlParse p = parse_sql("SELECT 1 WHERE " + numbered_params(text, names));
    if (!p.ok()) {
      error = p.error;
      return;
    }
    const SqlTree& stmts = p.tree["stmts"];
    if (stmts.size() != 1 || !stmts[0]["stmt"].contains("SelectStmt") ||
        !stmts[0]["stmt"]["SelectStmt"].contains("whereClause")) {
      error = "not one condition";
      return;
    }
    where = stmts[0]["stmt"]["SelectStmt"]["whereClause"];
    read();
  }

  std::optional<Type> column_type(const SqlTree& n, int extra_dims = 0) {
    std::string name = column_name(n);
    const Column* c = name.empty() ? nullptr : t.column(name);
    if (!c) return std::nullopt;
    Type ty = storage_type(c->type);
    ty.array_dims += extra_dims;
    return ty;
  }

  void type_param(const SqlTree& n, const std::optional<Type>& ty) {
    if (int k = param_number(n); k > 0 && ty && !inferred.count(k)) inferred[k] = *ty;
  }

  void comparison(const SqlTree& e) {
    std::string kind = e.value("kind", "");
    const SqlTree& l = e.value("lexpr", SqlTree::object());
    const SqlTree& r = e.value("rexpr", SqlTree::object());
    // Any operator between a column and a parameter (=, <, @>, LIKE, ...) gives the parameter the column's type.
    if (kind == "AEXPR_OP" || kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE") {
      type_param(r, column_type(l));
      type_param(l, column_type(r));
      if (operator_name(e) == "=") {
        if (is_value(r) && !column_name(l).empty()) equalities.push_back(column_name(l));
        if (is_value(l) && !column_name(r).empty()) equalities.push_back(column_name(r));
      }
    } else if (kind.starts_with("AEXPR_BETWEEN") || kind.starts_with("AEXPR_NOT_BETWEEN") || kind == "AEXPR_IN") {
      const SqlTree& items = r.contains("List") ? r["List"].value("items", SqlTree::array()) : SqlTree::array();
      for (auto& item : items) type_param(item, column_type(l));
    } else if (kind == "AEXPR_OP_ANY" || kind == "AEXPR_OP_ALL") {
      type_param(r, column_type(l, 1));
    }
  }

  void read() {
    // Casts first: a written type wins over an inferred one.
    each_node(where, "TypeCast", [&](const SqlTree& c) {
      if (int k = param_number(c.value("arg", SqlTree::object())); k > 0)
        inferred[k] = cast_target(c.value("typeName", SqlTree::object()));
    });
    each_node(where, "A_Expr", [&](const SqlTree& e) { comparison(e); });
    each_node(where, "BoolExpr", [&](const SqlTree& b) { has_or |= b.value("boolop", "") == "OR_EXPR"; });
    each_node(where, "ColumnRef", [&](const SqlTree& ref) {
      const SqlTree& f = ref.value("fields", SqlTree::array());
      if (f.size() != 1 || !f[0].contains("String")) return;  // qualified names and t.* are not checked
      std::string name = f[0]["String"].value("sval", "");
      if (!t.column(name)) unknown_columns.insert(name);
    });
  }

  // Every parameter number the clause uses, in order.
  std::vector<int> used() const {
    std::vector<int> out;
    each_node(where, "ParamRef", [&](const SqlTree& p) { out.push_back(p.value("number", 0)); });
    return out;
  }
};

std::string query_what(const Table& t, const Query& q) {
  return fmt::format("query \"{}\" on \"{}\"", q.name, display_name(t));
}

QueryParam* find_param(Query& q, const std::string& name) {
  auto it = std::find_if(q.params.begin(), q.params.end(), [&](auto& p) { return p.name == name; });
  return it == q.params.end() ? nullptr : &*it;
}

std::vector<std::string> param_names(const Query& q) {
  std::vector<std::string> out;
  for (auto& p : q.params) out.push_back(p.name);
  return out;
}

void check_params_declared(Reporter& r, const Schema& s, const Table& t, Query& q) {
  for (size_t i = 0; i < q.params.size(); ++i) {
    QueryParam& p = q.params[i];
    for (size_t j = 0; j < i; ++j)
      if (q.params[j].name == p.name)
        r.error(p.loc, fmt::format("duplicate parameter \"{}\" in {}", p.name, query_what(t, q)));
    if (p.type && !resolve_type(r, s, *p.type, t.schema, p.loc)) p.type = Type{};  // reported; stop inferring
  }
}

// Types every untyped parameter the where clause compares with something, and reports unknown ones.
void infer_where_params(Reporter& r, const Schema& s, const Table& t, Query& q, WhereReader& w,
                        std::set<std::string>& used) {
  for (int k : w.used()) {
    if (k < 1 || k > static_cast<int>(w.names.size())) continue;
    const std::string& name = w.names[k - 1];
    QueryParam* p = find_param(q, name);
    if (!p) {
      std::string hint = did_you_mean(name, param_names(q));
      if (hint.empty()) hint = fmt::format("declare it: query {}(..., {})", q.name, name);
      if (used.insert(":" + name).second)
        r.error(q.loc, fmt::format("unknown parameter \":{}\" in {}", name, query_what(t, q)), hint);
      continue;
    }
    used.insert(name);
    if (p->type) continue;
    if (auto it = w.inferred.find(k); it != w.inferred.end()) {
      p->type = it->second;
      resolve_type(r, s, *p->type, t.schema, p->loc);
    }
  }
}

void check_limit(Reporter& r, const Table& t, Query& q, std::set<std::string>& used) {
  if (q.limit.empty()) return;
  if (q.limit[0] != ':') {
    if (!std::all_of(q.limit.begin(), q.limit.end(), [](unsigned char c) { return std::isdigit(c); }))
      r.error(q.loc, fmt::format("limit of {} must be a number or a :parameter", query_what(t, q)));
    return;
  }
  std::string name = q.limit.substr(1);
  QueryParam* p = find_param(q, name);
  if (!p) {
    r.error(q.loc, fmt::format("unknown parameter \":{}\" in limit of {}", name, query_what(t, q)),
            fmt::format("declare it: query {}(..., {})", q.name, name));
    return;
  }
  used.insert(name);
  if (!p->type) p->type = Type{"", "bigint", {}, 0};
  else if (!p->type->name.empty() && !is_integer_type(*p->type))
    r.error(p->loc, fmt::format("parameter \"{}\" of {} is used as the limit, so it must be an integer type, not {}",
                                name, query_what(t, q), sql_type(*p->type)));
}

// `infer_failed_quietly`: an unknown column in the where clause was reported already, and is the likely reason a
// type could not be inferred, so that is not reported again.
void report_param_use(Reporter& r, const Table& t, Query& q, const std::set<std::string>& used,
                      bool infer_failed_quietly) {
  for (auto& p : q.params) {
    if (!used.count(p.name))
      r.warning(p.loc, fmt::format("parameter \"{}\" of {} is never used", p.name, query_what(t, q)),
                "use it in the where clause or the limit, or remove it");
    else if (!p.type && !infer_failed_quietly)
      r.error(p.loc, fmt::format("cannot infer the type of parameter \"{}\" of {}", p.name, query_what(t, q)),
              fmt::format("write its type: {}(..., {} text, ...), or compare it directly with a column", q.name,
                          p.name));
  }
  for (auto& p : q.params)
    if (p.type && p.type->name.empty()) p.type.reset();  // a type already reported as bad stays unset
}

bool covers_unique_key(const Table& t, const std::vector<std::string>& eq) {
  auto covered = [&](const std::vector<std::string>& cols) {
    return !cols.empty() && std::all_of(cols.begin(), cols.end(), [&](auto& c) {
      return std::find(eq.begin(), eq.end(), c) != eq.end();
    });
  };
  for (auto& c : t.constraints)
    if ((c.kind == Constraint::Kind::primary_key || c.kind == Constraint::Kind::unique) && covered(c.columns))
      return true;
  for (auto& ix : t.indexes) {
    if (!ix.unique || !ix.where.empty()) continue;
    std::vector<std::string> cols;
    for (auto& k : ix.keys) cols.push_back(k.column.empty() ? "\x01" : k.column);
    if (covered(cols)) return true;
  }
  return false;
}

void check_one(Reporter& r, const Table& t, const Query& q, WhereReader& w) {
  if (q.many || q.limit == "1") return;
  if (!w.has_or && covers_unique_key(t, w.equalities)) return;
  r.warning(q.loc, fmt::format("{} returns one row, but nothing limits it to one", query_what(t, q)),
            "add \"limit 1\", or compare every primary key column with \"=\"");
}

void check_result_columns(Reporter& r, const Table& t, Query& q) {
  require_columns(r, t, q.columns, q.loc, query_what(t, q));
  std::vector<std::string> order_cols;
  for (auto& o : q.order_by) {
    order_cols.push_back(o.column);
    o.nulls = normalize_nulls(o.desc, o.nulls);
  }
  require_columns(r, t, order_cols, q.loc, fmt::format("order by of {}", query_what(t, q)));
}

void check_query(Reporter& r, const Schema& s, const Table& t, Query& q) {
  check_params_declared(r, s, t, q);
  WhereReader w(t, q.where);
  if (!w.error.empty()) {
    r.error(q.loc, fmt::format("the where clause of {} is not valid SQL: {}", query_what(t, q), w.error),
            "write a condition PostgreSQL takes after WHERE, with :name for each parameter");
    return;
  }
  std::set<std::string> used;
  infer_where_params(r, s, t, q, w, used);
  check_limit(r, t, q, used);
  check_one(r, t, q, w);
  report_param_use(r, t, q, used, !w.unknown_columns.empty());
  check_result_columns(r, t, q);
  for (auto& name : w.unknown_columns)
    r.error(q.loc, fmt::format("unknown column \"{}\" in where of {}", name, query_what(t, q)),
            unknown_name_hint(name, t.column_names(), fmt::format("the columns of \"{}\"", display_name(t))));
}

}  // namespace

void check_queries(Reporter& r, const Schema& s, Table& t) {
  for (size_t i = 0; i < t.queries.size(); ++i) {
    Query& q = t.queries[i];
    for (size_t j = 0; j < i; ++j)
      if (t.queries[j].name == q.name)
        r.error(q.loc, fmt::format("duplicate query \"{}\" on \"{}\"", q.name, display_name(t)));
    check_query(r, s, t, q);
  }
}

}  // namespace schemac::check_detail

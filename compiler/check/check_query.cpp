// Query rules: parameters declared and used, their types inferred from the columns they are compared with,
// result and order columns known, and `-> one` queries that really return at most one row.
//
// The where clause is SQL text. It is read as a flat token list, which is enough for the restricted forms the
// language promises (`col op :p`, `:p op col`, `col between :a and :b`, `col in (:a, :b)`, `col = any(:p)`,
// `:p::type`); anything else needs the parameter's type written out.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "check/check_internal.hpp"
#include "model/quote.hpp"
#include "model/suggest.hpp"
#include "model/types.hpp"

namespace schemac::check_detail {

namespace {

struct Token {
  enum Kind { word, quoted, param, string, number, op, punct, cast } kind;
  std::string text;  // word: as written; quoted: without quotes; param: without the colon
};

bool word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool number_char(char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }
bool op_char(char c) { return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos; }

// Reads a quoted run starting at s[i] (a quote) with doubled quotes inside; leaves i after the closing quote.
std::string read_quoted(std::string_view s, size_t& i) {
  char q = s[i];
  std::string out;
  for (++i; i < s.size(); ++i) {
    if (s[i] == q && i + 1 < s.size() && s[i + 1] == q) out += s[i++];
    else if (s[i] == q) break;
    else out += s[i];
  }
  ++i;
  return out;
}

size_t scan(std::string_view s, size_t i, bool (*pred)(char)) {
  while (i < s.size() && pred(s[i])) ++i;
  return i;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '\'' || c == '"') {
      std::string text = read_quoted(s, i);
      out.push_back({c == '"' ? Token::quoted : Token::string, text});
    } else if (c == ':' && i + 1 < s.size() && s[i + 1] == ':') {
      out.push_back({Token::cast, "::"});
      i += 2;
    } else if (c == ':' && i + 1 < s.size() && word_start(s[i + 1])) {
      size_t j = scan(s, i + 1, word_char);
      out.push_back({Token::param, std::string(s.substr(i + 1, j - i - 1))});
      i = j;
    } else if (word_start(c) || std::isdigit(static_cast<unsigned char>(c))) {
      bool digit = std::isdigit(static_cast<unsigned char>(c));
      size_t j = scan(s, i, digit ? number_char : word_char);
      out.push_back({digit ? Token::number : Token::word, std::string(s.substr(i, j - i))});
      i = j;
    } else if (op_char(c)) {
      size_t j = scan(s, i, op_char);
      out.push_back({Token::op, std::string(s.substr(i, j - i))});
      i = j;
    } else {
      out.push_back({Token::punct, std::string(1, c)});
      ++i;
    }
  }
  return out;
}

bool is_word(const std::vector<Token>& ts, size_t i, std::string_view w) {
  return i < ts.size() && ts[i].kind == Token::word && to_lower(ts[i].text) == w;
}

bool is_punct(const std::vector<Token>& ts, size_t i, char c) {
  return i < ts.size() && ts[i].kind == Token::punct && ts[i].text[0] == c;
}

bool is_comparison(const std::vector<Token>& ts, size_t i) {
  if (i >= ts.size()) return false;
  static const std::set<std::string> ops = {"=", "<>", "!=", "<", "<=", ">", ">=", "~", "~*", "!~", "!~*",
                                            "@>", "<@", "&&"};
  if (ts[i].kind == Token::op) return ops.count(ts[i].text) > 0;
  return is_word(ts, i, "like") || is_word(ts, i, "ilike");
}

bool is_value(const std::vector<Token>& ts, size_t i) {
  if (i >= ts.size()) return false;
  auto k = ts[i].kind;
  return k == Token::param || k == Token::string || k == Token::number || is_word(ts, i, "true") ||
         is_word(ts, i, "false");
}

// Reads the where clause of one query: which parameters it uses and what it compares them with.
struct WhereReader {
  const Table& t;
  const std::vector<Token>& ts;
  std::set<std::string> unknown_columns;  // words used like columns that the table does not have

  // The column named by token i when it is used as a column: a bare word that is not a keyword or a function
  // name, or a quoted name. Unquoted SQL names fold to lower case.
  const Column* column_at(size_t i) {
    if (i >= ts.size() || is_punct(ts, i + 1, '(')) return nullptr;
    if (i > 0 && (is_punct(ts, i - 1, '.') || ts[i - 1].kind == Token::cast)) return nullptr;  // t.x, ::type
    if (ts[i].kind == Token::quoted) return known_column(ts[i].text);
    if (ts[i].kind != Token::word) return nullptr;
    std::string name = to_lower(ts[i].text);
    // A column may well be called `timestamp`: the table's own columns win over keywords.
    if (const Column* c = t.column(name)) return c;
    return is_sql_keyword(name) ? nullptr : known_column(name);
  }

  const Column* known_column(const std::string& name) {
    const Column* c = t.column(name);
    if (!c) unknown_columns.insert(name);
    return c;
  }

  // The column before position i (skipping a `not`).
  const Column* column_before(size_t i) {
    if (i == 0) return nullptr;
    if (is_word(ts, i - 1, "not")) return i >= 2 ? column_at(i - 2) : nullptr;
    return column_at(i - 1);
  }

  std::optional<Type> cast_type(size_t i) {
    if (!(i + 2 < ts.size() && ts[i + 1].kind == Token::cast && ts[i + 2].kind == Token::word)) return std::nullopt;
    Type ty;
    ty.name = ts[i + 2].text;
    size_t j = i + 3;
    if (to_lower(ty.name) == "double" && is_word(ts, j, "precision")) ty.name += " precision", ++j;
    for (; is_punct(ts, j, '[') && is_punct(ts, j + 1, ']'); j += 2) ++ty.array_dims;
    return ty;
  }

  static Type column_type(const Column& c, int extra_dims = 0) {
    Type ty = storage_type(c.type);
    ty.array_dims += extra_dims;
    return ty;
  }

  // `x between :a and :b`: the column before `between` types both values.
  const Column* between_column(size_t i) {
    size_t b = i - 1;
    if (is_word(ts, b, "and") && i >= 3 && is_value(ts, i - 2)) b = i - 3;
    if (is_word(ts, b, "symmetric")) --b;
    return is_word(ts, b, "between") ? column_before(b) : nullptr;
  }

  // `x in (:a, 'b', :c)`: walks back over the list to `in`.
  const Column* in_list_column(size_t i) {
    size_t j = i - 1;
    while (j >= 2 && is_punct(ts, j, ',') && is_value(ts, j - 1)) j -= 2;
    return is_punct(ts, j, '(') && j >= 1 && is_word(ts, j - 1, "in") ? column_before(j - 1) : nullptr;
  }

  // `x = any(:p)`: the parameter is an array of x's type.
  const Column* any_column(size_t i) {
    if (i < 4 || !is_punct(ts, i - 1, '(')) return nullptr;
    if (!(is_word(ts, i - 2, "any") || is_word(ts, i - 2, "all") || is_word(ts, i - 2, "some"))) return nullptr;
    return is_comparison(ts, i - 3) ? column_at(i - 4) : nullptr;
  }

  // The type of the parameter at token i, from a cast or from the column it is compared with.
  std::optional<Type> infer(size_t i) {
    if (auto ty = cast_type(i)) return ty;
    if (i >= 1 && is_comparison(ts, i - 1)) {
      if (const Column* c = column_before(i - 1)) return column_type(*c);
    }
    if (is_comparison(ts, i + 1)) {
      if (const Column* c = column_at(i + 2)) return column_type(*c);
    }
    if (i >= 1) {
      if (const Column* c = between_column(i)) return column_type(*c);
      if (const Column* c = in_list_column(i)) return column_type(*c);
      if (const Column* c = any_column(i)) return column_type(*c, 1);
    }
    return std::nullopt;
  }

  // Columns fixed by `col = value` (either way round), for the `-> one` rule.
  std::vector<std::string> equality_columns() {
    std::vector<std::string> out;
    for (size_t i = 1; i + 1 < ts.size(); ++i) {
      if (!(ts[i].kind == Token::op && ts[i].text == "=")) continue;
      const Column* c = is_value(ts, i + 1) ? column_at(i - 1) : is_value(ts, i - 1) ? column_at(i + 1) : nullptr;
      if (c) out.push_back(c->name);
    }
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
  for (size_t i = 0; i < w.ts.size(); ++i) {
    if (w.ts[i].kind != Token::param) continue;
    const std::string& name = w.ts[i].text;
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
    if (auto ty = w.infer(i)) {
      p->type = *ty;
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
  bool has_or = std::any_of(w.ts.begin(), w.ts.end(), [](auto& tok) {
    return tok.kind == Token::word && to_lower(tok.text) == "or";
  });
  if (!has_or && covers_unique_key(t, w.equality_columns())) return;
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
  std::vector<Token> tokens = tokenize(q.where);
  WhereReader w{t, tokens, {}};
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

// The SQL inside a table, read with PostgreSQL's parser (sql/parser.hpp; parse already refused what does not
// parse): columns an expression names must exist, a default names none, and a literal default must be a value
// of its column's type that PostgreSQL stores as written. What is not checked offline: defaults that are not a
// bare literal (casts, calls, operators), real and double precision literals (inexact by nature), array,
// date/time, network and extension-type literals; the server checks those when the migration runs.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "check/check_internal.hpp"
#include "model/text.hpp"
#include "model/types.hpp"
#include "sql/parser.hpp"

namespace schemac::check_detail {

namespace {

// The columns of `t` an expression names, each unknown one reported once.
void require_refs(Reporter& r, const Table& t, const std::string& expr, const Loc& loc, std::string_view what) {
  const SqlParse& p = parse_expression(expr);
  if (!p.ok()) return;
  std::vector<std::string> seen;
  for (auto& c : column_refs(p.tree)) {
    if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
    seen.push_back(c);
    require_column(r, t, c, loc, what);
  }
}

// A bare literal's value as text, or nullopt for anything else (NULL included: it fits every type).
struct Literal {
  enum class Kind { integer, decimal, string, boolean } kind;
  std::string text;
};

std::optional<Literal> literal_of(const SqlTree& expr) {
  if (!expr.is_object() || !expr.contains("A_Const")) return std::nullopt;
  const SqlTree& c = expr["A_Const"];
  // libpg_query's JSON leaves out zero values: {"ival": {}} is 0, {"boolval": {}} is false.
  if (c.contains("ival")) return Literal{Literal::Kind::integer, std::to_string(c["ival"].value("ival", 0))};
  if (c.contains("fval")) return Literal{Literal::Kind::decimal, c["fval"].value("fval", "0")};
  if (c.contains("sval")) return Literal{Literal::Kind::string, c["sval"].value("sval", "")};
  if (c.contains("boolval")) return Literal{Literal::Kind::boolean, c["boolval"].value("boolval", false) ? "true" : "false"};
  return std::nullopt;
}

// Digits before and after the point of a plain decimal number ("-12.50" -> 2, 2); nullopt when it is not one.
std::optional<std::pair<size_t, size_t>> decimal_digits(std::string s) {
  s = trim(s);
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.erase(0, 1);
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  auto digits = [](const std::string& d) { return std::all_of(d.begin(), d.end(), [](unsigned char c) { return std::isdigit(c); }); };
  if ((whole.empty() && frac.empty()) || !digits(whole) || !digits(frac)) return std::nullopt;
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return std::make_pair(whole.size(), frac.size());
}

std::string integer_error(const Type& t, const Literal& v) {
  if (v.kind == Literal::Kind::boolean) return "a boolean is not an integer";
  std::string s = trim(v.text);
  if (v.kind == Literal::Kind::decimal || s.find('.') != std::string::npos) {
    auto d = decimal_digits(s);
    if (d && d->second > 0) return "it has a fraction, which PostgreSQL would round away";
  }
  int64_t n = 0;
  const char* b = s.data() + (!s.empty() && s[0] == '+');
  auto [end, ec] = std::from_chars(b, s.data() + s.size(), n);
  if (ec == std::errc::result_out_of_range) return "it is out of range";
  if (ec != std::errc() || end != s.data() + s.size()) return "it is not an integer";
  std::string storage = storage_type(t).name;
  if (storage == "smallint" && (n < -32768 || n > 32767)) return "it is out of range for smallint";
  if (storage == "int" && (n < INT32_MIN || n > INT32_MAX)) return "it is out of range for int";
  return "";
}

std::string numeric_error(const Type& t, const Literal& v) {
  if (v.kind == Literal::Kind::boolean) return "a boolean is not a number";
  std::string s = to_lower(trim(v.text));
  if (s == "nan" || s == "infinity" || s == "-infinity" || s == "+infinity") return "";
  auto d = decimal_digits(s);
  if (!d) return "it is not a number";
  if (t.mods.empty()) return "";
  int64_t precision = t.mods[0], scale = t.mods.size() > 1 ? t.mods[1] : 0;
  if (static_cast<int64_t>(d->second) > scale)
    return fmt::format("it has {} decimal places and the column keeps {}: PostgreSQL would round it", d->second, scale);
  if (static_cast<int64_t>(d->first) > precision - scale) return "it has too many digits before the point";
  return "";
}

// PostgreSQL's boolin: true/false/yes/no and any unique prefix, on/off, 1/0, any case.
std::string boolean_error(const Literal& v) {
  if (v.kind == Literal::Kind::boolean) return "";
  if (v.kind != Literal::Kind::string) return "a number is not a boolean";
  std::string s = to_lower(trim(v.text));
  for (std::string_view w : {"true", "false", "yes", "no"})
    if (!s.empty() && w.starts_with(s)) return "";
  return s == "on" || s == "off" || s == "of" || s == "1" || s == "0" ? "" : "it is not a boolean";
}

std::string uuid_error(const Literal& v) {
  if (v.kind != Literal::Kind::string) return "it is not a uuid";
  std::string s = trim(v.text);
  if (s.size() >= 2 && s.front() == '{' && s.back() == '}') s = s.substr(1, s.size() - 2);
  std::erase(s, '-');
  bool hex = s.size() == 32 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
  return hex ? "" : "it is not a uuid";
}

// varchar(n) and char(n) refuse a longer value (trailing spaces past n excepted).
std::string length_error(const Type& t, const Literal& v) {
  if (t.mods.empty() || t.name == "text") return "";
  // PostgreSQL cuts trailing spaces to make a value fit instead of failing.
  std::string_view s = v.text;
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return static_cast<int64_t>(utf8_length(s)) > t.mods[0] ? fmt::format("it is longer than {} characters", t.mods[0]) : "";
}

std::string enum_error(const Enum& e, const Literal& v) {
  if (v.kind != Literal::Kind::string) return "an enum value is a quoted label";
  if (std::find(e.values.begin(), e.values.end(), v.text) != e.values.end()) return "";
  return fmt::format("it is not one of the labels of enum \"{}\" ({})", e.name, join(e.values, ", "));
}

std::string literal_error(const Schema& s, const Type& t, const Literal& v) {
  if (t.array_dims > 0) return "";
  if (!t.schema.empty()) {
    const Enum* e = s.find_enum(t.schema, t.name);
    return e ? enum_error(*e, v) : "";
  }
  if (is_integer_type(t)) return integer_error(t, v);
  if (t.name == "numeric") return numeric_error(t, v);
  if (t.name == "bool") return boolean_error(v);
  if (t.name == "uuid") return uuid_error(v);
  if (is_text_type(t)) return length_error(t, v);
  return "";
}

void check_default(Reporter& r, const Schema& s, const Table& t, const Column& c) {
  const SqlParse& p = parse_expression(*c.default_expr);
  if (!p.ok()) return;
  std::vector<std::string> refs = column_refs(p.tree);
  if (!refs.empty()) {
    r.error(c.loc, fmt::format("the default of column \"{}\" in table \"{}\" refers to column \"{}\"", c.name,
                               display_name(t), refs[0]),
            "a default cannot read a row's columns; quote a text value ('...'), or use a generated column");
    return;
  }
  if (auto seq = nextval_sequence(*c.default_expr); seq && !s.find_sequence(seq->schema, seq->name)) {
    r.warning(c.loc, fmt::format("the default of column \"{}\" in table \"{}\" draws from sequence {}, which is not "
                                 "declared", c.name, display_name(t), display_name(seq->schema, seq->name)),
              fmt::format("declare it with \"sequence {}\" (in its schema block) so that a plan creates it first",
                          seq->name));
    return;
  }
  std::optional<Literal> v = literal_of(p.tree);
  if (!v) return;
  std::string why = literal_error(s, c.type, *v);
  if (!why.empty())
    r.error(c.loc, fmt::format("default {} does not fit column \"{}\" of type {}: {}", *c.default_expr, c.name,
                               sql_type(c.type, false), why),
            "write a value of the column's type, or change the type");
}

}  // namespace

void check_expressions(Reporter& r, const Schema& s, const Table& t) {
  std::string table = display_name(t);
  for (const Column& c : t.columns) {
    if (c.generated_expr) require_refs(r, t, *c.generated_expr, c.loc, fmt::format("generated column \"{}\" of \"{}\"", c.name, table));
    if (c.default_expr) check_default(r, s, t, c);
  }
  for (const Constraint& k : t.constraints) {
    if (k.kind == Constraint::Kind::check)
      require_refs(r, t, k.check_expr, k.loc, fmt::format("check constraint on \"{}\"", table));
    if (k.kind != Constraint::Kind::exclusion) continue;
    std::string what = fmt::format("exclusion constraint on \"{}\"", table);
    for (const IndexKey& e : k.elements)
      if (!e.expr.empty()) require_refs(r, t, e.expr, k.loc, what);
    if (!k.where.empty()) require_refs(r, t, k.where, k.loc, "predicate of " + what);
  }
  for (const Index& ix : t.indexes) {
    std::string what = fmt::format("index on \"{}\"", table);
    for (const IndexKey& k : ix.keys)
      if (!k.expr.empty()) require_refs(r, t, k.expr, ix.loc, what);
    if (!ix.where.empty()) require_refs(r, t, ix.where, ix.loc, "predicate of " + what);
  }
}

}  // namespace schemac::check_detail

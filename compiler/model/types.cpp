#include "model/types.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <utility>

#include "model/quote.hpp"
#include "model/text.hpp"

namespace schemac {

namespace {

// Each built-in type by its canonical name (the DSL spelling; the name pg_type knows it by, or its SQL name where
// that is a keyword of its own), in the order "did you mean" lists them, with what the rest of this file asks of
// it: how many modifiers it takes, the zero value a NOT NULL column coming back is filled with (see
// zero_value_sql), and whether `=` says two values are the same (box and circle compare
// areas, point and xml have none): without it a guard compares text. Every base, range and multirange type of
// pg_catalog on PostgreSQL 15 and 17 is here but PostgreSQL's internal ones (pg_node_tree, int2vector, ...);
// the live test builtin_types_test.cpp holds the list against pg_type.
struct Builtin {
  std::string_view name;
  int max_mods = 0;
  const char* zero = nullptr;  // nullptr: none
  bool exact_equality = true;
};

constexpr Builtin kBuiltins[] = {
    {"smallint", 0, "0"}, {"int", 0, "0"}, {"bigint", 0, "0"}, {"real", 0, "0"}, {"double precision", 0, "0"},
    {"numeric", 2, "0"}, {"money", 0, "0"},
    {"text", 0, ""}, {"varchar", 1, ""}, {"char", 1, ""}, {"\"char\"", 0}, {"name", 0, ""},
    {"bool", 0, "false"}, {"bit", 1}, {"varbit", 1, ""},
    {"timestamptz", 1, "1970-01-01 00:00:00+00"}, {"timestamp", 1, "1970-01-01 00:00:00"}, {"date", 0, "1970-01-01"},
    {"time", 1, "00:00:00"}, {"timetz", 1, "00:00:00+00"}, {"interval", 1, "0"},
    {"uuid", 0, "00000000-0000-0000-0000-000000000000"}, {"json", 0, "{}", false}, {"jsonb", 0, "{}"},
    {"jsonpath", 0, "$", false}, {"xml", 0, nullptr, false}, {"bytea", 0, ""},
    {"inet", 0, "0.0.0.0"}, {"cidr", 0, "0.0.0.0/32"}, {"macaddr", 0, "00:00:00:00:00:00"},
    {"macaddr8", 0, "00:00:00:00:00:00:00:00"}, {"tsvector", 0, ""}, {"tsquery", 0},
    {"point", 0, "(0,0)", false}, {"line", 0, nullptr, false}, {"lseg", 0, nullptr, false}, {"box", 0, nullptr, false},
    {"path", 0, nullptr, false}, {"polygon", 0, nullptr, false}, {"circle", 0, nullptr, false},
    {"int4range", 0, "empty"}, {"int8range", 0, "empty"}, {"numrange", 0, "empty"}, {"tsrange", 0, "empty"},
    {"tstzrange", 0, "empty"}, {"daterange", 0, "empty"}, {"int4multirange", 0, "{}"},
    {"int8multirange", 0, "{}"}, {"nummultirange", 0, "{}"}, {"tsmultirange", 0, "{}"},
    {"tstzmultirange", 0, "{}"}, {"datemultirange", 0, "{}"},
    {"oid", 0, "0"}, {"regclass", 0}, {"regcollation", 0}, {"regconfig", 0}, {"regdictionary", 0},
    {"regnamespace", 0}, {"regoper", 0}, {"regoperator", 0}, {"regproc", 0}, {"regprocedure", 0},
    {"regrole", 0}, {"regtype", 0}, {"xid", 0}, {"xid8", 0}, {"cid", 0}, {"tid", 0}, {"pg_lsn", 0, "0/0"},
    {"pg_snapshot", 0, nullptr, false}, {"txid_snapshot", 0, nullptr, false}, {"aclitem", 0}, {"refcursor", 0},
    {"smallserial", 0, "0"}, {"serial", 0, "0"}, {"bigserial", 0, "0"},
};

// The other accepted spellings (lower case, single spaces) and the canonical name each means.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"int2", "smallint"},
    {"integer", "int"},
    {"int4", "int"},
    {"int8", "bigint"},
    {"float4", "real"},
    {"float8", "double precision"},
    {"float", "double precision"},  // float(p) with p <= 24 is real: canonicalize_type looks at p
    {"decimal", "numeric"},
    {"character varying", "varchar"},
    {"character", "char"},
    {"bpchar", "char"},
    {"boolean", "bool"},
    {"bit varying", "varbit"},
    {"timestamp with time zone", "timestamptz"},
    {"timestamp without time zone", "timestamp"},
    {"time without time zone", "time"},
    {"time with time zone", "timetz"},
    {"serial2", "smallserial"},
    {"serial4", "serial"},
    {"serial8", "bigserial"},
};

const Builtin* builtin(std::string_view name) {
  for (const Builtin& b : kBuiltins)
    if (b.name == name) return &b;
  return nullptr;
}

// Each serial kind and the integer type it is stored as.
constexpr std::pair<std::string_view, std::string_view> kSerials[] = {
    {"smallserial", "smallint"}, {"serial", "int"}, {"bigserial", "bigint"}};

constexpr int64_t kMaxVarcharLength = 10'485'760;  // PostgreSQL's MaxAttrSize limit on varchar(n)/char(n)
constexpr int64_t kMaxBitLength = 83'886'080;      // and on bit(n)/varbit(n), counted in bits

// pg_cast between the built-in types, without a type to itself and without the casts to and from the string
// types that follow the I/O rule of builtin_cast_context (those that do not, such as text -> name, are here). The same on PostgreSQL 15 and 17; the live test
// type_change_test.cpp compares it with pg_cast.
constexpr std::string_view kCasts[] = {
    // implicit
    "i \"char\">text", "i bigint>double precision", "i bigint>numeric", "i bigint>oid", "i bigint>real",
    "i bigint>regclass", "i bigint>regcollation", "i bigint>regconfig", "i bigint>regdictionary",
    "i bigint>regnamespace", "i bigint>regoper", "i bigint>regoperator", "i bigint>regproc", "i bigint>regprocedure",
    "i bigint>regrole", "i bigint>regtype", "i bit>varbit", "i char>name", "i cidr>inet", "i date>timestamp",
    "i date>timestamptz", "i int>bigint", "i int>double precision", "i int>numeric", "i int>oid", "i int>real",
    "i int>regclass", "i int>regcollation", "i int>regconfig", "i int>regdictionary", "i int>regnamespace",
    "i int>regoper", "i int>regoperator", "i int>regproc", "i int>regprocedure", "i int>regrole", "i int>regtype",
    "i macaddr8>macaddr", "i macaddr>macaddr8", "i name>text", "i numeric>double precision", "i numeric>real",
    "i oid>regclass", "i oid>regcollation", "i oid>regconfig", "i oid>regdictionary", "i oid>regnamespace",
    "i oid>regoper", "i oid>regoperator", "i oid>regproc", "i oid>regprocedure", "i oid>regrole", "i oid>regtype",
    "i real>double precision", "i regclass>oid", "i regcollation>oid", "i regconfig>oid", "i regdictionary>oid",
    "i regnamespace>oid", "i regoper>oid", "i regoper>regoperator", "i regoperator>oid", "i regoperator>regoper",
    "i regproc>oid", "i regproc>regprocedure", "i regprocedure>oid", "i regprocedure>regproc", "i regrole>oid",
    "i regtype>oid", "i smallint>bigint", "i smallint>double precision", "i smallint>int", "i smallint>numeric",
    "i smallint>oid", "i smallint>real", "i smallint>regclass", "i smallint>regcollation", "i smallint>regconfig",
    "i smallint>regdictionary", "i smallint>regnamespace", "i smallint>regoper", "i smallint>regoperator",
    "i smallint>regproc", "i smallint>regprocedure", "i smallint>regrole", "i smallint>regtype", "i text>name",
    "i text>regclass", "i time>interval", "i time>timetz", "i timestamp>timestamptz", "i varbit>bit",
    "i varchar>name", "i varchar>regclass",
    // assignment
    "a bigint>int", "a bigint>money", "a bigint>smallint", "a box>polygon", "a char>\"char\"",
    "a double precision>bigint", "a double precision>int", "a double precision>numeric", "a double precision>real",
    "a double precision>smallint", "a inet>cidr", "a int>money", "a int>smallint", "a interval>time", "a json>jsonb",
    "a jsonb>json", "a money>numeric", "a numeric>bigint", "a numeric>int", "a numeric>money", "a numeric>smallint",
    "a oid>bigint", "a oid>int", "a path>polygon", "a point>box", "a polygon>path", "a real>bigint", "a real>int",
    "a real>numeric", "a real>smallint", "a regclass>bigint", "a regclass>int", "a regcollation>bigint",
    "a regcollation>int", "a regconfig>bigint", "a regconfig>int", "a regdictionary>bigint", "a regdictionary>int",
    "a regnamespace>bigint", "a regnamespace>int", "a regoper>bigint", "a regoper>int", "a regoperator>bigint",
    "a regoperator>int", "a regproc>bigint", "a regproc>int", "a regprocedure>bigint", "a regprocedure>int",
    "a regrole>bigint", "a regrole>int", "a regtype>bigint", "a regtype>int", "a text>\"char\"", "a timestamp>date",
    "a timestamp>time", "a timestamptz>date", "a timestamptz>time", "a timestamptz>timestamp", "a timestamptz>timetz",
    "a timetz>time", "a varchar>\"char\"",
    // explicit
    "e \"char\">int", "e bigint>bit", "e bit>bigint", "e bit>int", "e bool>int", "e box>circle", "e box>lseg",
    "e box>point", "e circle>box", "e circle>point", "e circle>polygon", "e daterange>datemultirange",
    "e int4range>int4multirange", "e int8range>int8multirange", "e int>\"char\"", "e int>bit", "e int>bool",
    "e jsonb>bigint", "e jsonb>bool", "e jsonb>double precision", "e jsonb>int", "e jsonb>numeric", "e jsonb>real",
    "e jsonb>smallint", "e lseg>point", "e numrange>nummultirange", "e polygon>box", "e polygon>circle",
    "e polygon>point", "e tsrange>tsmultirange", "e tstzrange>tstzmultirange", "e xid8>xid",
};

std::string normalize_spelling(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool scalar(const Type& t) { return t.array_dims == 0; }

int integer_rank(std::string_view n) {
  if (n == "smallint") return 1;
  if (n == "int") return 2;
  if (n == "bigint") return 3;
  return 0;
}

int integer_digits(std::string_view n) { return n == "smallint" ? 5 : n == "int" ? 10 : 19; }

// Length of a text type or a bit string; -1 = unlimited.
int64_t text_length(const Type& t) {
  if (t.name == "text" || t.mods.empty()) return -1;
  return t.mods[0];
}

// Fractional-second precision of time types; PostgreSQL's default is 6.
int64_t time_precision(const Type& t) { return t.mods.empty() ? 6 : t.mods[0]; }

bool fits_length(int64_t from, int64_t to) { return to == -1 || (from != -1 && from <= to); }

bool numeric_widens(const Type& from, const Type& to) {
  if (to.mods.empty()) return true;
  if (from.mods.empty()) return false;
  int64_t fs = from.mods.size() > 1 ? from.mods[1] : 0, ts = to.mods.size() > 1 ? to.mods[1] : 0;
  return ts >= fs && to.mods[0] - ts >= from.mods[0] - fs;
}

bool integer_change_widens(const Type& from, const Type& to) {
  if (is_integer_type(to)) return integer_rank(to.name) >= integer_rank(from.name);
  if (to.name == "numeric")
    return to.mods.empty() || to.mods[0] - (to.mods.size() > 1 ? to.mods[1] : 0) >= integer_digits(from.name);
  if (to.name == "double precision") return from.name != "bigint";  // 53-bit mantissa
  if (to.name == "real") return from.name == "smallint";            // 24-bit mantissa
  return false;
}

// A string type with any number of array dimensions: every type has an I/O cast to and from it.
bool string_element(const Type& t) { return t.schema.empty() && is_one_of(t.name, {"text", "varchar", "char"}); }

bool same_element(const Type& a, const Type& b) { return a.schema == b.schema && a.name == b.name; }

bool builtin_element(const Type& t) { return t.schema.empty() && is_builtin_type(t.name); }

// Unbounded text keeps the text form of every value (of arrays too); a float's text form depends on
// extra_float_digits, so floats are not proven.
bool text_keeps(const Type& from, const Type& to) {
  bool floats = from.schema.empty() && is_one_of(from.name, {"real", "double precision"});
  return scalar(to) && to.schema.empty() && (to.name == "text" || (to.name == "varchar" && to.mods.empty())) &&
         !floats;
}

// Conversions pinned to UTC instead of the session's TimeZone (see types.hpp): timestamptz to a wall-clock type,
// a wall-clock type to timestamptz, time to timetz.
enum class Pin { none, from_instant, to_instant, to_timetz };

Pin pinned(const Type& from, const Type& to) {
  if (!scalar(from) || !scalar(to) || !from.schema.empty() || !to.schema.empty()) return Pin::none;
  if (from.name == "timestamptz" && is_one_of(to.name, {"timestamp", "date", "time"})) return Pin::from_instant;
  if (to.name == "timestamptz" && is_one_of(from.name, {"timestamp", "date"})) return Pin::to_instant;
  if (from.name == "time" && to.name == "timetz") return Pin::to_timetz;
  return Pin::none;
}

// Changes between two scalar built-in types that keep every value.
bool builtin_change_widens(const Type& from, const Type& to) {
  if (is_integer_type(from)) return integer_change_widens(from, to);
  if (is_text_type(from) && is_text_type(to)) {
    // Converting to char(n) pads and trims trailing blanks, which changes values.
    return to.name != "char" && fits_length(text_length(from), text_length(to));
  }
  if (from.name == "numeric" && to.name == "numeric") return numeric_widens(from, to);
  if (from.name == "real" && to.name == "double precision") return true;
  if (from.name == "date") return is_one_of(to.name, {"timestamp", "timestamptz"});
  // timestamp <-> timestamptz and time -> timetz are pinned to UTC, which maps every value to exactly one.
  bool wall_and_instant = is_one_of(from.name, {"timestamp", "timestamptz"}) &&
                          is_one_of(to.name, {"timestamp", "timestamptz"});
  bool same_kind = from.name == to.name || wall_and_instant || pinned(from, to) == Pin::to_timetz;
  if (same_kind && is_one_of(from.name, {"timestamp", "timestamptz", "time", "timetz", "interval"}))
    return time_precision(to) >= time_precision(from);
  if (is_one_of(from.name, {"json", "jsonb"}) && is_one_of(to.name, {"json", "jsonb"})) return true;
  if (from.name == "cidr" && to.name == "inet") return true;
  // A bit string keeps its bits in a varying one at least as long (bit(n) to bit(m) pads or fails instead).
  if (is_one_of(from.name, {"bit", "varbit"}) && to.name == "varbit") return fits_length(text_length(from), text_length(to));
  return false;
}

// PostgreSQL casts `from` to `to` itself, without going through text: a typmod change, an I/O cast to or from
// a string type, or a pg_cast entry (arrays: between their elements).
bool direct_cast(const Type& from, const Type& to) {
  bool same_dims = from.array_dims == to.array_dims;
  auto io = [&](const Type& side) { return string_element(side) && (scalar(side) || same_dims); };
  if (io(from) || io(to)) return true;
  if (!same_dims) return false;
  if (same_element(from, to)) return true;
  return builtin_element(from) && builtin_element(to) && builtin_cast_context(from.name, to.name) != 0;
}

std::string mods_text(const std::vector<int64_t>& mods) {
  if (mods.empty()) return {};
  return fmt::format("({})", fmt::join(mods, ","));
}

// Splits `a.b` / `"A"."b"` into unquoted parts; quotes protect dots.
std::vector<std::string> split_qualified(std::string_view s) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      for (++i; i < s.size(); ++i) {
        if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') parts.back() += s[i++];
        else if (s[i] == '"') break;
        else parts.back() += s[i];
      }
    } else if (c == '.') {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

// Takes the first "(...)" outside quotes out of `s` and returns its comma-separated integers.
std::vector<int64_t> take_mods(std::string& s) {
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (quoted || s[i] != '(') continue;
    size_t close = s.find(')', i);
    if (close == std::string::npos) return {};
    std::vector<int64_t> mods;
    std::string inner = s.substr(i + 1, close - i - 1);
    for (size_t start = 0; start <= inner.size();) {
      size_t comma = std::min(inner.find(',', start), inner.size());
      std::string part = trim(std::string_view(inner).substr(start, comma - start));
      if (!part.empty()) mods.push_back(std::stoll(part));
      start = comma + 1;
    }
    s = s.substr(0, i) + s.substr(close + 1);
    return mods;
  }
  return {};
}

}  // namespace

std::optional<std::string> canonical_type_name(std::string_view written) {
  std::string key = normalize_spelling(written);
  if (builtin(key)) return key;
  for (auto& [alias, canonical] : kAliases)
    if (alias == key) return std::string(canonical);
  return std::nullopt;
}

bool is_builtin_type(std::string_view name) { return builtin(name) != nullptr; }

std::vector<std::string> builtin_type_names() {
  std::vector<std::string> out;
  for (const Builtin& b : kBuiltins) out.emplace_back(b.name);
  return out;
}

bool canonicalize_type(Type& t) {
  if (!t.schema.empty() && t.schema != "pg_catalog") return false;
  auto canonical = canonical_type_name(t.name);
  if (!canonical) return false;
  bool is_float = normalize_spelling(t.name) == "float";
  t.schema.clear();
  t.name = *canonical;
  if (is_float && t.mods.size() == 1) {
    // float(p): PostgreSQL picks real for p <= 24 and double precision above.
    t.name = t.mods[0] <= 24 ? "real" : "double precision";
    t.mods.clear();
  }
  // char means char(1) and bit bit(1), as the catalog shows them
  if ((t.name == "char" || t.name == "bit") && t.mods.empty()) t.mods = {1};
  return true;
}

ModRange type_mod_range(std::string_view n) {
  const Builtin* b = builtin(n);
  return {0, b ? b->max_mods : 0};
}

std::string type_mod_error(const Type& t) {
  if (!is_builtin_type(t.name)) return {};
  ModRange r = type_mod_range(t.name);
  int n = static_cast<int>(t.mods.size());
  if (n > r.max) {
    if (r.max == 0) return fmt::format("type {} takes no modifiers", t.name);
    return fmt::format("type {} takes at most {} modifier{}", t.name, r.max, r.max == 1 ? "" : "s");
  }
  if (n == 0) return {};
  int64_t m0 = t.mods[0];
  if (is_text_type(t) && (m0 < 1 || m0 > kMaxVarcharLength))
    return fmt::format("length for type {} must be between 1 and {}", t.name, kMaxVarcharLength);
  if (is_one_of(t.name, {"bit", "varbit"}) && (m0 < 1 || m0 > kMaxBitLength))
    return fmt::format("length for type {} must be between 1 and {}", t.name, kMaxBitLength);
  if (t.name == "numeric") {
    if (m0 < 1 || m0 > 1000) return "numeric precision must be between 1 and 1000";
    if (n == 2 && (t.mods[1] < -1000 || t.mods[1] > 1000)) return "numeric scale must be between -1000 and 1000";
  }
  if (is_one_of(t.name, {"timestamptz", "timestamp", "time", "timetz", "interval"}) && (m0 < 0 || m0 > 6))
    return fmt::format("precision for type {} must be between 0 and 6", t.name);
  return {};
}

bool is_time_type(const Type& t) { return scalar(t) && is_one_of(t.name, {"timestamptz", "timestamp", "date"}); }

bool is_integer_type(const Type& t) {
  return scalar(t) && (integer_rank(t.name) > 0 || is_serial(t));
}

bool is_serial(const Type& t) {
  return scalar(t) && t.schema.empty() &&
         std::any_of(std::begin(kSerials), std::end(kSerials), [&](auto& s) { return t.name == s.first; });
}

bool is_numeric_type(const Type& t) {
  return is_integer_type(t) || (scalar(t) && is_one_of(t.name, {"numeric", "real", "double precision"}));
}

bool is_text_type(const Type& t) { return scalar(t) && is_one_of(t.name, {"text", "varchar", "char"}); }

std::optional<std::string> zero_value_sql(const Type& t) {
  if (t.array_dims > 0) return quote_literal("{}");
  const Builtin* b = t.schema.empty() ? builtin(t.name) : nullptr;
  if (b && b->zero) return quote_literal(b->zero);
  return std::nullopt;
}

Type storage_type(const Type& t) {
  Type out = t;
  if (!t.schema.empty()) return out;
  for (auto [serial, integer] : kSerials)
    if (t.name == serial) out.name = integer;
  return out;
}

std::optional<std::string> serial_for(const Type& t) {
  if (!scalar(t) || !t.schema.empty()) return std::nullopt;
  for (auto [serial, integer] : kSerials)
    if (t.name == integer) return std::string(serial);
  return std::nullopt;
}

bool comparable_types(const Type& a0, const Type& b0) {
  Type a = storage_type(a0), b = storage_type(b0);
  if (a.array_dims != b.array_dims) return false;
  a.array_dims = b.array_dims = 0;
  if (a.schema == b.schema && a.name == b.name) return true;
  return (is_integer_type(a) && is_integer_type(b)) || (is_text_type(a) && is_text_type(b));
}

std::string sql_type(const Type& t, bool omit_public) {
  std::string out;
  if (t.schema.empty() && is_builtin_type(t.name)) out = t.name;
  else if (t.schema.empty()) out = quote_ident(t.name);
  else out = quote_qualified(t.schema, t.name, omit_public);
  out += mods_text(t.mods);
  for (int i = 0; i < t.array_dims; ++i) out += "[]";
  return out;
}

Type type_from_pg(std::string_view formatted) {
  std::string s = trim(formatted);
  Type t;
  while (s.size() >= 2 && s.compare(s.size() - 2, 2, "[]") == 0) {
    ++t.array_dims;
    s = trim(std::string_view(s).substr(0, s.size() - 2));
  }
  t.mods = take_mods(s);
  s = trim(s);
  if (s == "\"char\"") {
    t.name = s;
    return t;
  }
  if (s.find('"') == std::string::npos && s.find('.') == std::string::npos && canonical_type_name(s)) {
    t.name = s;
    canonicalize_type(t);
    return t;
  }
  auto parts = split_qualified(s);
  t.name = parts.back();
  if (parts.size() > 1) t.schema = parts[parts.size() - 2];
  if (t.schema == "pg_catalog") canonicalize_type(t);
  return t;
}

bool is_narrowing_change(const Type& from0, const Type& to0) {
  Type from = storage_type(from0), to = storage_type(to0);
  if (from == to) return false;
  if (text_keeps(from, to)) return false;
  if (from.array_dims != to.array_dims) return true;
  from.array_dims = to.array_dims = 0;
  if (!builtin_element(from) || !builtin_element(to)) return true;  // enums and extension types
  return !builtin_change_widens(from, to);
}

char builtin_cast_context(std::string_view from, std::string_view to) {
  if (from == to) return 'i';
  std::string pair = fmt::format("{}>{}", from, to);
  for (std::string_view c : kCasts)
    if (c.substr(2) == pair) return c[0];
  Type f, t;
  f.name = std::string(from);
  t.name = std::string(to);
  if (string_element(f) && string_element(t)) return 'i';
  if (string_element(t)) return 'a';
  if (string_element(f)) return 'e';
  return 0;
}

std::string type_conversion_sql(const std::string& value, const Type& from0, const Type& to0) {
  Type from = storage_type(from0), to = storage_type(to0);
  if (from == to) return value;
  std::string target = sql_type(to, false);
  std::string cast_mods = to.mods.empty() ? "" : "::" + target;
  switch (pinned(from, to)) {
    case Pin::from_instant: {
      std::string wall = "(" + value + " AT TIME ZONE 'UTC')";  // a timestamp
      return to.name == "timestamp" && to.mods.empty() ? wall : wall + "::" + target;
    }
    case Pin::to_instant:
      return "(" + value + (from.name == "date" ? "::timestamp" : "") + " AT TIME ZONE 'UTC')" + cast_mods;
    case Pin::to_timetz: return "(" + value + "::text || '+00')::" + target;
    case Pin::none: break;
  }
  return value + (direct_cast(from, to) ? "" : "::text") + "::" + target;
}

bool converts_by_assignment(const Type& from0, const Type& to0) {
  Type from = storage_type(from0), to = storage_type(to0);
  if (pinned(from, to) != Pin::none || from.array_dims != to.array_dims) return false;
  if (string_element(to)) return true;
  if (!builtin_element(from) || !builtin_element(to)) return false;
  char context = builtin_cast_context(from.name, to.name);
  return context == 'i' || context == 'a';
}

std::string value_differs_sql(const std::string& a, const std::string& b, const Type& t) {
  if (builtin_element(t) && builtin(t.name)->exact_equality) return a + " IS DISTINCT FROM " + b;
  return a + "::text IS DISTINCT FROM " + b + "::text";
}

namespace {

std::pair<int64_t, int64_t> integer_range(const Type& t) {
  const std::string name = storage_type(t).name;
  if (name == "smallint") return {-32768, 32767};
  if (name == "int") return {-2147483648LL, 2147483647LL};
  return {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
}

}  // namespace

int64_t identity_default_start(const IdentityOptions& o) {
  return o.increment.value_or(1) > 0 ? o.minvalue.value_or(1) : o.maxvalue.value_or(-1);
}

std::string identity_options_problem(const Type& t, const IdentityOptions& o) {
  auto [lo, hi] = integer_range(t);
  const std::string type = storage_type(t).name;
  for (const IdentityOptionField& f : kIdentityOptionFields) {
    const std::optional<int64_t>& v = o.*(f.member);
    if (v && f.member != &IdentityOptions::increment && f.member != &IdentityOptions::cache && (*v < lo || *v > hi))
      return fmt::format("{} {} is out of range for {} ({} to {})", f.dsl, *v, type, lo, hi);
  }
  const bool up = o.increment.value_or(1) > 0;
  int64_t min = o.minvalue.value_or(up ? 1 : lo), max = o.maxvalue.value_or(up ? hi : -1);
  if (min >= max) return fmt::format("minvalue {} must be less than maxvalue {}", min, max);
  int64_t start = o.start.value_or(up ? min : max);
  if (start < min || start > max) return fmt::format("start {} is not between minvalue {} and maxvalue {}", start, min, max);
  if (o.cache && *o.cache < 1) return fmt::format("cache {} must be at least 1", *o.cache);
  return "";
}

void normalize_identity(const Type& t, IdentityOptions& o) {
  auto [lo, hi] = integer_range(t);
  if (o.increment == 1) o.increment.reset();
  const bool up = o.increment.value_or(1) > 0;
  if (o.minvalue == (up ? 1 : lo)) o.minvalue.reset();
  if (o.maxvalue == (up ? hi : -1)) o.maxvalue.reset();
  if (o.start == identity_default_start(o)) o.start.reset();
  if (o.cache == 1) o.cache.reset();
}

}  // namespace schemac

#include "model/types.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace schemac;

namespace {
Type T(std::string name, std::vector<int64_t> mods = {}, int dims = 0, std::string schema = {}) {
  return Type{std::move(schema), std::move(name), std::move(mods), dims};
}
Type canon(std::string name, std::vector<int64_t> mods = {}) {
  Type t = T(std::move(name), std::move(mods));
  canonicalize_type(t);
  return t;
}
}  // namespace

TEST_CASE("types: aliases become canonical names") {
  CHECK(canonical_type_name("int") == "int");
  CHECK(canonical_type_name("integer") == "int");
  CHECK(canonical_type_name("int4") == "int");
  CHECK(canonical_type_name("INT") == "int");
  CHECK(canonical_type_name("int8") == "bigint");
  CHECK(canonical_type_name("int2") == "smallint");
  CHECK(canonical_type_name("bool") == "bool");
  CHECK(canonical_type_name("boolean") == "bool");
  CHECK(canonical_type_name("decimal") == "numeric");
  CHECK(canonical_type_name("float8") == "double precision");
  CHECK(canonical_type_name("float4") == "real");
  CHECK(canonical_type_name("double   precision") == "double precision");
  CHECK(canonical_type_name("timestamp with time zone") == "timestamptz");
  CHECK(canonical_type_name("Timestamp Without Time Zone") == "timestamp");
  CHECK(canonical_type_name("character varying") == "varchar");
  CHECK(canonical_type_name("character") == "char");
  CHECK(canonical_type_name("time with time zone") == "timetz");
  CHECK(canonical_type_name("serial4") == "serial");
  CHECK(canonical_type_name("serial8") == "bigserial");
  CHECK(canonical_type_name("jsonb") == "jsonb");
  CHECK_FALSE(canonical_type_name("market_type"));
  CHECK_FALSE(canonical_type_name("vector"));
  CHECK_FALSE(canonical_type_name("timestamptzz"));
}

TEST_CASE("types: canonicalize_type handles float(p), char and qualified names") {
  CHECK(canon("float", {10}) == T("real"));
  CHECK(canon("float", {25}) == T("double precision"));
  CHECK(canon("float") == T("double precision"));
  CHECK(canon("char") == T("char", {1}));
  CHECK(canon("character", {3}) == T("char", {3}));
  CHECK(canon("decimal", {18, 8}) == T("numeric", {18, 8}));
  Type pg = T("int4", {}, 0, "pg_catalog");
  CHECK(canonicalize_type(pg));
  CHECK(pg == T("int"));
  Type user = T("int", {}, 0, "workspace");  // a user type that happens to be called int
  CHECK_FALSE(canonicalize_type(user));
  CHECK(user == T("int", {}, 0, "workspace"));
  Type e = T("market_type");
  CHECK_FALSE(canonicalize_type(e));
  CHECK(e == T("market_type"));
}

TEST_CASE("types: modifier counts and ranges") {
  CHECK(type_mod_range("numeric").max == 2);
  CHECK(type_mod_range("varchar").max == 1);
  CHECK(type_mod_range("timestamptz").max == 1);
  CHECK(type_mod_range("int").max == 0);
  CHECK(type_mod_error(T("int", {4})) == "type int takes no modifiers");
  CHECK(type_mod_error(T("varchar", {1, 2})) == "type varchar takes at most 1 modifier");
  CHECK(type_mod_error(T("numeric", {1, 2, 3})) == "type numeric takes at most 2 modifiers");
  CHECK(type_mod_error(T("varchar", {0})) == "length for type varchar must be between 1 and 10485760");
  CHECK(type_mod_error(T("numeric", {0})) == "numeric precision must be between 1 and 1000");
  CHECK(type_mod_error(T("numeric", {10, 2000})) == "numeric scale must be between -1000 and 1000");
  CHECK(type_mod_error(T("timestamptz", {7})) == "precision for type timestamptz must be between 0 and 6");
  CHECK(type_mod_error(T("numeric", {20, 8})).empty());
  CHECK(type_mod_error(T("varchar", {50})).empty());
  CHECK(type_mod_error(T("vector", {1536})).empty());  // extension types are not ours to judge
}

TEST_CASE("types: families") {
  CHECK(is_time_type(T("timestamptz")));
  CHECK(is_time_type(T("timestamp")));
  CHECK(is_time_type(T("date")));
  CHECK_FALSE(is_time_type(T("time")));
  CHECK_FALSE(is_time_type(T("timestamptz", {}, 1)));
  CHECK(is_integer_type(T("smallint")));
  CHECK(is_integer_type(T("int")));
  CHECK(is_integer_type(T("bigint")));
  CHECK(is_integer_type(T("bigserial")));
  CHECK_FALSE(is_integer_type(T("numeric")));
  CHECK_FALSE(is_integer_type(T("int", {}, 1)));
  CHECK(is_serial(T("serial")));
  CHECK(is_serial(T("smallserial")));
  CHECK_FALSE(is_serial(T("int")));
  CHECK(is_numeric_type(T("numeric", {20, 8})));
  CHECK(is_numeric_type(T("double precision")));
  CHECK(is_numeric_type(T("int")));
  CHECK_FALSE(is_numeric_type(T("text")));
  CHECK(is_text_type(T("varchar", {5})));
  CHECK(is_text_type(T("char", {1})));
  CHECK_FALSE(is_text_type(T("uuid")));
  CHECK(storage_type(T("bigserial")) == T("bigint"));
  CHECK(storage_type(T("serial")) == T("int"));
  CHECK(storage_type(T("text")) == T("text"));
}

TEST_CASE("types: comparable types for foreign keys") {
  CHECK(comparable_types(T("int"), T("bigint")));
  CHECK(comparable_types(T("serial"), T("int")));
  CHECK(comparable_types(T("varchar", {20}), T("text")));
  CHECK(comparable_types(T("market_type", {}, 0, "public"), T("market_type", {}, 0, "public")));
  CHECK_FALSE(comparable_types(T("int"), T("text")));
  CHECK_FALSE(comparable_types(T("uuid"), T("text")));
  CHECK_FALSE(comparable_types(T("timestamp"), T("timestamptz")));
  CHECK_FALSE(comparable_types(T("int", {}, 1), T("int")));
  CHECK_FALSE(comparable_types(T("e", {}, 0, "a"), T("e", {}, 0, "b")));
}

TEST_CASE("types: sql_type writes DDL spellings") {
  CHECK(sql_type(T("numeric", {20, 8})) == "numeric(20,8)");
  CHECK(sql_type(T("varchar", {50})) == "varchar(50)");
  CHECK(sql_type(T("double precision")) == "double precision");
  CHECK(sql_type(T("timestamptz")) == "timestamptz");
  CHECK(sql_type(T("timestamptz", {3})) == "timestamptz(3)");
  CHECK(sql_type(T("int")) == "int");
  CHECK(sql_type(T("text", {}, 1)) == "text[]");
  CHECK(sql_type(T("int", {}, 2)) == "int[][]");
  CHECK(sql_type(T("MyEnum", {}, 1, "public")) == "\"MyEnum\"[]");
  CHECK(sql_type(T("MyEnum", {}, 1, "public"), false) == "public.\"MyEnum\"[]");
  CHECK(sql_type(T("status", {}, 0, "workspace")) == "workspace.status");
  CHECK(sql_type(T("order", {}, 0, "public")) == "\"order\"");
  CHECK(sql_type(T("vector", {1536})) == "vector(1536)");
}

TEST_CASE("types: type_from_pg reads format_type output") {
  CHECK(type_from_pg("character varying(50)") == T("varchar", {50}));
  CHECK(type_from_pg("character varying") == T("varchar"));
  CHECK(type_from_pg("timestamp with time zone") == T("timestamptz"));
  CHECK(type_from_pg("timestamp(3) with time zone") == T("timestamptz", {3}));
  CHECK(type_from_pg("timestamp without time zone") == T("timestamp"));
  CHECK(type_from_pg("time(0) without time zone") == T("time", {0}));
  CHECK(type_from_pg("integer[]") == T("int", {}, 1));
  CHECK(type_from_pg("numeric(20,8)") == T("numeric", {20, 8}));
  CHECK(type_from_pg("numeric") == T("numeric"));
  CHECK(type_from_pg("character(1)") == T("char", {1}));
  CHECK(type_from_pg("double precision") == T("double precision"));
  CHECK(type_from_pg("boolean") == T("bool"));
  CHECK(type_from_pg("bigint") == T("bigint"));
  CHECK(type_from_pg("text[]") == T("text", {}, 1));
  CHECK(type_from_pg("market_type") == T("market_type"));
  CHECK(type_from_pg("workspace.status") == T("status", {}, 0, "workspace"));
  CHECK(type_from_pg("\"MyEnum\"[]") == T("MyEnum", {}, 1));
  CHECK(type_from_pg("\"My.Schema\".\"Odd\"\"Name\"") == T("Odd\"Name", {}, 0, "My.Schema"));
  CHECK(type_from_pg("vector(1536)") == T("vector", {1536}));
  CHECK(type_from_pg("public.vector(3)") == T("vector", {3}, 0, "public"));
}

TEST_CASE("types: sql_type and type_from_pg agree on every built-in") {
  for (auto name : {"smallint", "int", "bigint", "real", "double precision", "text", "bool", "timestamptz",
                    "timestamp", "date", "time", "interval", "uuid", "json", "jsonb", "bytea", "inet"}) {
    CAPTURE(name);
    CHECK(type_from_pg(sql_type(T(name))) == T(name));
    CHECK(type_from_pg(sql_type(T(name, {}, 1))) == T(name, {}, 1));
  }
  CHECK(type_from_pg(sql_type(T("numeric", {20, 8}))) == T("numeric", {20, 8}));
  CHECK(type_from_pg(sql_type(T("varchar", {50}))) == T("varchar", {50}));
}

TEST_CASE("types: narrowing changes need the guard, widenings do not") {
  // not proven to keep every value: guarded
  CHECK(is_narrowing_change(T("varchar", {50}), T("varchar", {20})));
  CHECK(is_narrowing_change(T("numeric", {20, 8}), T("numeric", {10, 2})));
  CHECK(is_narrowing_change(T("numeric", {20, 8}), T("numeric", {20, 4})));
  CHECK(is_narrowing_change(T("numeric"), T("numeric", {30, 8})));
  CHECK(is_narrowing_change(T("bigint"), T("int")));
  CHECK(is_narrowing_change(T("int"), T("smallint")));
  CHECK(is_narrowing_change(T("text"), T("int")));
  CHECK(is_narrowing_change(T("text"), T("varchar", {10})));
  CHECK(is_narrowing_change(T("varchar"), T("char", {10})));
  CHECK(is_narrowing_change(T("bigint"), T("double precision")));
  CHECK(is_narrowing_change(T("int"), T("real")));
  CHECK(is_narrowing_change(T("int"), T("numeric", {5, 0})));
  CHECK(is_narrowing_change(T("double precision"), T("real")));
  CHECK(is_narrowing_change(T("numeric", {10, 2}), T("int")));
  CHECK(is_narrowing_change(T("timestamptz"), T("date")));
  CHECK(is_narrowing_change(T("timestamptz"), T("timestamptz", {3})));
  CHECK(is_narrowing_change(T("timestamp", {6}), T("timestamp", {0})));
  CHECK(is_narrowing_change(T("timestamp"), T("timestamptz", {3})));
  CHECK(is_narrowing_change(T("timestamptz"), T("time")));
  CHECK(is_narrowing_change(T("time"), T("time", {0})));
  CHECK(is_narrowing_change(T("timetz"), T("time")));
  CHECK(is_narrowing_change(T("interval"), T("interval", {0})));
  CHECK(is_narrowing_change(T("text"), T("text", {}, 1)));
  CHECK(is_narrowing_change(T("int", {}, 1), T("smallint", {}, 1)));
  CHECK(is_narrowing_change(T("varchar", {9}, 1), T("varchar", {5}, 1)));
  CHECK(is_narrowing_change(T("double precision"), T("text")));  // its text depends on extra_float_digits
  CHECK(is_narrowing_change(T("real", {}, 1), T("text")));
  CHECK(is_narrowing_change(T("real"), T("numeric")));  // float4 -> numeric keeps 6 digits
  CHECK(is_narrowing_change(T("text"), T("char", {5})));
  CHECK(is_narrowing_change(T("a", {}, 0, "public"), T("varchar", {3})));
  CHECK(is_narrowing_change(T("a", {}, 0, "public"), T("b", {}, 0, "public")));
  CHECK(is_narrowing_change(T("text"), T("a", {}, 0, "public")));
  CHECK(is_narrowing_change(T("vector", {4}), T("vector", {3})));
  CHECK(is_narrowing_change(T("inet"), T("cidr")));
  // widening or equal
  CHECK_FALSE(is_narrowing_change(T("varchar", {20}), T("varchar", {50})));
  CHECK_FALSE(is_narrowing_change(T("varchar", {20}), T("varchar")));
  CHECK_FALSE(is_narrowing_change(T("varchar", {20}), T("text")));
  CHECK_FALSE(is_narrowing_change(T("char", {3}), T("varchar", {3})));
  CHECK_FALSE(is_narrowing_change(T("int"), T("bigint")));
  CHECK_FALSE(is_narrowing_change(T("smallint"), T("int")));
  CHECK_FALSE(is_narrowing_change(T("serial"), T("bigint")));
  CHECK_FALSE(is_narrowing_change(T("int"), T("numeric", {10, 0})));
  CHECK_FALSE(is_narrowing_change(T("int"), T("double precision")));
  CHECK_FALSE(is_narrowing_change(T("numeric", {10, 2}), T("numeric", {20, 8})));
  CHECK_FALSE(is_narrowing_change(T("numeric", {10, 2}), T("numeric")));
  CHECK_FALSE(is_narrowing_change(T("real"), T("double precision")));
  CHECK_FALSE(is_narrowing_change(T("date"), T("timestamptz")));
  CHECK_FALSE(is_narrowing_change(T("timestamptz", {3}), T("timestamptz")));
  CHECK_FALSE(is_narrowing_change(T("json"), T("jsonb")));
  CHECK_FALSE(is_narrowing_change(T("int"), T("text")));
  CHECK_FALSE(is_narrowing_change(T("a", {}, 0, "public"), T("text")));
  CHECK_FALSE(is_narrowing_change(T("text", {}, 1), T("text", {}, 1)));
  CHECK_FALSE(is_narrowing_change(T("varchar", {5}, 1), T("varchar", {9}, 1)));
  CHECK_FALSE(is_narrowing_change(T("text", {}, 1), T("text")));  // an array's text form reads back
  CHECK_FALSE(is_narrowing_change(T("char", {5}), T("text")));
  // timestamp <-> timestamptz and time -> timetz are pinned to UTC: one value for each
  CHECK_FALSE(is_narrowing_change(T("timestamptz"), T("timestamp")));
  CHECK_FALSE(is_narrowing_change(T("timestamp", {3}), T("timestamptz")));
  CHECK_FALSE(is_narrowing_change(T("time", {3}), T("timetz", {3})));
  CHECK_FALSE(is_narrowing_change(T("interval", {0}), T("interval")));
}

TEST_CASE("types: conversions leave the session's TimeZone out and go through text where PostgreSQL has no cast") {
  struct Case {
    Type from, to;
    std::string sql;
    bool assignment;  // ALTER ... TYPE without USING makes the same conversion
  };
  std::vector<Case> cases = {
      {T("varchar", {64}), T("varchar", {32}), "s::varchar(32)", true},
      {T("numeric", {10, 4}), T("numeric", {10, 2}), "s::numeric(10,2)", true},
      {T("bigint"), T("int"), "s::int", true},
      {T("serial"), T("bigint"), "s::bigint", true},
      {T("double precision"), T("int"), "s::int", true},
      {T("int"), T("bool"), "s::bool", false},
      {T("text"), T("int"), "s::int", false},
      {T("int"), T("text"), "s::text", true},
      {T("uuid"), T("int"), "s::text::int", false},
      {T("int"), T("int", {}, 1), "s::text::int[]", false},
      {T("text"), T("int", {}, 1), "s::int[]", false},
      {T("int", {}, 1), T("text"), "s::text", false},
      {T("int", {}, 1), T("bigint", {}, 1), "s::bigint[]", true},
      {T("varchar", {9}, 1), T("varchar", {5}, 1), "s::varchar(5)[]", true},
      {T("timestamp"), T("timestamptz"), "(s AT TIME ZONE 'UTC')", false},
      {T("timestamp", {6}), T("timestamptz", {3}), "(s AT TIME ZONE 'UTC')::timestamptz(3)", false},
      {T("timestamptz"), T("timestamp"), "(s AT TIME ZONE 'UTC')", false},
      {T("timestamptz"), T("timestamp", {0}), "(s AT TIME ZONE 'UTC')::timestamp(0)", false},
      {T("timestamptz"), T("date"), "(s AT TIME ZONE 'UTC')::date", false},
      {T("date"), T("timestamptz"), "(s::timestamp AT TIME ZONE 'UTC')", false},
      {T("time", {3}), T("timetz", {3}), "(s::text || '+00')::timetz(3)", false},
      {T("timetz"), T("time"), "s::time", true},
      {T("timestamp", {6}), T("timestamp", {0}), "s::timestamp(0)", true},
      {T("timestamptz", {}, 1), T("timestamp", {}, 1), "s::timestamp[]", true},
      {T("text"), T("side", {}, 0, "public"), "s::public.side", false},
      {T("side", {}, 0, "public"), T("text"), "s::text", true},
      {T("side", {}, 0, "public"), T("varchar", {4}), "s::varchar(4)", true},
      {T("side", {}, 0, "public"), T("Side", {}, 0, "trading"), "s::text::trading.\"Side\"", false},
      {T("side", {}, 1, "public"), T("other", {}, 1, "public"), "s::text::public.other[]", false},
      {T("vector", {4}), T("vector", {3}), "s::vector(3)", false},
      {T("json"), T("jsonb"), "s::jsonb", true},
  };
  for (auto& c : cases) {
    CAPTURE(sql_type(c.from, false));
    CAPTURE(sql_type(c.to, false));
    CHECK(type_conversion_sql("s", c.from, c.to) == c.sql);
    CHECK(converts_by_assignment(c.from, c.to) == c.assignment);
  }
  CHECK(type_conversion_sql("s", T("int"), T("int")) == "s");
}

TEST_CASE("types: values compare in their own type, or as text where it has no equality") {
  CHECK(value_differs_sql("a", "b", T("numeric", {10, 2})) == "a IS DISTINCT FROM b");
  CHECK(value_differs_sql("a", "b", T("varchar", {5}, 1)) == "a IS DISTINCT FROM b");
  CHECK(value_differs_sql("a", "b", T("json")) == "a::text IS DISTINCT FROM b::text");
  CHECK(value_differs_sql("a", "b", T("json", {}, 1)) == "a::text IS DISTINCT FROM b::text");
  CHECK(value_differs_sql("a", "b", T("side", {}, 0, "public")) == "a::text IS DISTINCT FROM b::text");
}

TEST_CASE("types: cast contexts among the built-in types") {
  CHECK(builtin_cast_context("int", "int") == 'i');
  CHECK(builtin_cast_context("int", "bigint") == 'i');
  CHECK(builtin_cast_context("bigint", "int") == 'a');
  CHECK(builtin_cast_context("int", "bool") == 'e');
  CHECK(builtin_cast_context("uuid", "text") == 'a');
  CHECK(builtin_cast_context("text", "uuid") == 'e');
  CHECK(builtin_cast_context("varchar", "char") == 'i');
  CHECK(builtin_cast_context("uuid", "int") == 0);
  CHECK(builtin_cast_context("timestamptz", "timetz") == 'a');
}

TEST_CASE("types: one list of built-in names, each alias resolving into it") {
  auto names = builtin_type_names();
  for (const char* n : {"int", "timetz", "cidr", "macaddr", "tsvector", "bigserial", "double precision"})
    CHECK_MESSAGE(std::find(names.begin(), names.end(), n) != names.end(), n);
  CHECK(std::find(names.begin(), names.end(), "integer") == names.end());  // an alias, not a name
  for (auto& n : names) {
    CHECK(is_builtin_type(n));
    CHECK(canonical_type_name(n) == n);
  }
}

TEST_CASE("types: serial kinds and their storage") {
  Type i;
  i.name = "int";
  CHECK(serial_for(i) == "serial");
  i.name = "bigint";
  CHECK(serial_for(i) == "bigserial");
  CHECK(storage_type(Type{"", "bigserial", {}, 0}).name == "bigint");
  i.name = "numeric";
  CHECK_FALSE(serial_for(i));
  Type arr{"", "int", {}, 1};
  CHECK_FALSE(serial_for(arr));
}

TEST_CASE("types: the rest of PostgreSQL's built-ins (bits, money, ranges, geometry, oid kinds, ...)") {
  CHECK(canonical_type_name("bit varying") == "varbit");
  CHECK(canonical_type_name("BIT") == "bit");
  CHECK(canonical_type_name("tstzrange") == "tstzrange");
  CHECK(canonical_type_name("int8multirange") == "int8multirange");
  CHECK(canonical_type_name("regclass") == "regclass");
  CHECK_FALSE(canonical_type_name("pg_node_tree"));  // internal to PostgreSQL: not a column type for users
  CHECK(canon("bit") == T("bit", {1}));              // bit means bit(1), as char means char(1)
  CHECK(canon("varbit") == T("varbit"));
  CHECK(type_from_pg("bit varying(16)") == T("varbit", {16}));
  CHECK(type_from_pg("bit(8)[]") == T("bit", {8}, 1));
  CHECK(type_from_pg("tstzrange[]") == T("tstzrange", {}, 1));
  CHECK(sql_type(T("varbit", {16})) == "varbit(16)");
  CHECK(sql_type(T("int8range", {}, 2)) == "int8range[][]");
  CHECK(type_mod_error(T("bit", {0})) == "length for type bit must be between 1 and 83886080");
  CHECK(type_mod_error(T("money", {2})) == "type money takes no modifiers");
  CHECK(type_mod_error(T("varbit", {64})).empty());
}

TEST_CASE("types: guards compare in text where = is not sameness, and zero values fit the type") {
  // box = box and circle = circle compare areas; point, xml and jsonpath have no = at all.
  for (const char* n : {"box", "circle", "point", "xml", "jsonpath", "polygon", "json"})
    CHECK_MESSAGE(value_differs_sql("a", "b", T(n)) == "a::text IS DISTINCT FROM b::text", n);
  for (const char* n : {"money", "tstzrange", "varbit", "oid", "jsonb"})
    CHECK_MESSAGE(value_differs_sql("a", "b", T(n)) == "a IS DISTINCT FROM b", n);
  CHECK(zero_value_sql(T("int4range")) == "'empty'");
  CHECK(zero_value_sql(T("datemultirange")) == "'{}'");
  CHECK(zero_value_sql(T("money")) == "'0'");
  CHECK(zero_value_sql(T("varbit")) == "''");
  CHECK_FALSE(zero_value_sql(T("bit", {8})));  // its length decides; no zero is written for it
  CHECK_FALSE(zero_value_sql(T("xml")));
}

TEST_CASE("types: casts that break the string types' I/O rule come from pg_cast") {
  CHECK(builtin_cast_context("text", "name") == 'i');       // not the explicit I/O cast
  CHECK(builtin_cast_context("text", "\"char\"") == 'a');
  CHECK(builtin_cast_context("name", "text") == 'i');
  CHECK(builtin_cast_context("text", "money") == 'e');      // the I/O rule
  CHECK(builtin_cast_context("money", "numeric") == 'a');
  CHECK(builtin_cast_context("bit", "varbit") == 'i');
  CHECK(builtin_cast_context("tstzrange", "tstzmultirange") == 'e');
  CHECK(builtin_cast_context("tstzrange", "daterange") == 0);
}

TEST_CASE("types: a bit string widens into a varying one at least as long") {
  CHECK_FALSE(is_narrowing_change(T("bit", {8}), T("varbit", {8})));
  CHECK_FALSE(is_narrowing_change(T("varbit", {8}), T("varbit")));
  CHECK(is_narrowing_change(T("varbit", {16}), T("varbit", {8})));
  CHECK(is_narrowing_change(T("bit", {8}), T("bit", {16})));  // bit(16) would pad: a different value
  CHECK(is_narrowing_change(T("varbit"), T("varbit", {8})));
}

#pragma once
// What schemac knows about column types: the canonical spelling of each built-in type and its aliases, how
// many modifiers it takes, the families later stages ask about (time, integer, serial, numeric, text), how a
// type is written in SQL DDL, how format_type() output reads back, and which type changes lose data.
//
// Built-in names are matched case-insensitively (SQL users write INT and VARCHAR(50)); any other name is a
// user enum or an extension type and is kept exactly as written.

#include <optional>
#include <string>
#include <string_view>

#include "model.hpp"

namespace schemac {

// The canonical DSL spelling of a built-in type name or alias ("integer" -> "int", "character varying" ->
// "varchar", "TIMESTAMP WITH TIME ZONE" -> "timestamptz"), or nullopt when the name is not built in.
std::optional<std::string> canonical_type_name(std::string_view written);

// True when `name` is a canonical built-in name (the output of canonical_type_name).
bool is_builtin_type(std::string_view name);

// Rewrites a built-in type in place to its canonical form: canonical name, `float(p)` to real/double
// precision, `char` to char(1) (what PostgreSQL stores). Types that are not built in are left alone.
// Returns false when the type is not built in.
bool canonicalize_type(Type& t);

// How many modifiers a canonical built-in type accepts (varchar: 0..1, numeric: 0..2, int: 0..0).
struct ModRange {
  int min = 0;
  int max = 0;
};
ModRange type_mod_range(std::string_view canonical);

// An error in the modifiers of a canonical built-in type ("varchar length must be at least 1"), or empty.
std::string type_mod_error(const Type& t);

// Families. All of them are false for arrays, which are none of these things.
bool is_time_type(const Type& t);     // timestamptz, timestamp, date: what a hypertable can be partitioned by
bool is_integer_type(const Type& t);  // smallint, int, bigint and the serial kinds
bool is_serial(const Type& t);        // smallserial, serial, bigserial
bool is_numeric_type(const Type& t);  // integers, numeric, real, double precision
bool is_text_type(const Type& t);     // text, varchar, char

// The type a column really has in the catalog: serial kinds become their integer type (serial -> int).
Type storage_type(const Type& t);

// Whether values of `a` can be compared with values of `b` the way a foreign key needs: the same type, or both
// integers, both text types, both numeric kinds. Serial kinds count as their integer type.
bool comparable_types(const Type& a, const Type& b);

// The type as written in SQL DDL: int, varchar(50), numeric(20,8), timestamptz, double precision, text[];
// enums and extension types are quoted and qualified with their schema ("public." is left out when
// `omit_public`): "MyEnum"[], workspace.status, vector(1536).
std::string sql_type(const Type& t, bool omit_public = true);

// Reads format_type() output back into a canonical Type: "character varying(50)", "timestamp(3) with time
// zone", "integer[]", "numeric(20,8)", "workspace.status", "\"MyEnum\"". A type format_type() qualified with
// its schema gets that schema; an unqualified user type gets an empty schema (the caller knows it from pg_type).
Type type_from_pg(std::string_view formatted);

// True when changing a column from `from` to `to` can lose data or fail on existing rows: shorter varchar,
// smaller numeric precision or scale, bigint -> int, text -> int, a different enum, fewer array dimensions...
// Widening changes (varchar(20) -> varchar(50), int -> bigint, varchar -> text, json -> jsonb) are safe.
bool is_narrowing_change(const Type& from, const Type& to);

}  // namespace schemac

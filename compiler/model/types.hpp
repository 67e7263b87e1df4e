#pragma once
// What schemac knows about column types: the canonical spelling of each built-in type and its aliases, how
// many modifiers it takes, the families later stages ask about (time, integer, serial, numeric, text), how a
// type is written in SQL DDL, how format_type() output reads back, and how a column changes type without losing
// a value.
//
// Built-in names are matched case-insensitively (SQL users write INT and VARCHAR(50)); any other name is a
// user enum or an extension type and is kept exactly as written.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace schemac {

// The canonical DSL spelling of a built-in type name or alias ("integer" -> "int", "character varying" ->
// "varchar", "TIMESTAMP WITH TIME ZONE" -> "timestamptz"), or nullopt when the name is not built in.
std::optional<std::string> canonical_type_name(std::string_view written);

// True when `name` is a canonical built-in name (the output of canonical_type_name).
bool is_builtin_type(std::string_view name);

// Every canonical built-in name, each once, in the order types.cpp lists them (for "did you mean").
std::vector<std::string> builtin_type_names();

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

// A value of built-in type `t` to fill existing rows with where a NOT NULL column without a default comes back
// (the DOWN of a dropped column): 0, '', false, the Unix epoch, the nil uuid, '{}' for json, jsonb and arrays,
// written as a quoted literal every column of the type accepts. nullopt for enums (their first label is the
// caller's to find), extension types and built-ins without an obvious one.
std::optional<std::string> zero_value_sql(const Type& t);

// The type a column really has in the catalog: serial kinds become their integer type (serial -> int).
Type storage_type(const Type& t);

// Clears each identity option that is PostgreSQL's default for a column of type `t` (increment 1; ascending:
// minvalue 1, maxvalue the type's largest, start at minvalue; descending: minvalue the type's smallest, maxvalue
// -1, start at maxvalue; cache 1), so declared and inspected options compare equal. The one home of these rules.
void normalize_identity(const Type& t, IdentityOptions& o);
// What PostgreSQL would refuse in a sequence's options for type `t` (a value outside the type, MINVALUE not below
// MAXVALUE, START outside them, CACHE below 1), as a sentence; empty when they are fine.
std::string identity_options_problem(const Type& t, const IdentityOptions& o);
// The START WITH PostgreSQL gives a sequence with these (normalized) options.
int64_t identity_default_start(const IdentityOptions& o);
// The serial kind whose storage is integer type `t` (int -> serial), or nullopt for any other type.
std::optional<std::string> serial_for(const Type& t);

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

// --- changing a column's type ---------------------------------------------------------------------------------
//
// The rule, UP and DOWN alike: a type change keeps every value exactly or fails and changes nothing; it never
// rounds or cuts. A change is one of two kinds.
//  - A widening (is_narrowing_change false): every value of `from` has an exact image in `to` (int -> bigint,
//    varchar(20) -> varchar(50), numeric(10,2) -> numeric(12,4), date -> timestamp, timestamp -> timestamptz
//    read as UTC, anything but a float -> text). It is a plain ALTER COLUMN ... TYPE.
//  - Anything else is guarded: before the ALTER, a check locks the table, scans every row (every chunk of a
//    hypertable) and raises, changing nothing, when a value does not convert to `to` or does not convert back
//    to the same value (compared in `from`; value_differs_sql). The ALTER then makes that same conversion.
//    PostgreSQL's own ALTER would not do: an explicit cast (USING) cuts varchar and char(n), and even the
//    assignment cast of a plain ALTER rounds numeric scale, float -> int, double -> real and time precisions and
//    drops trailing blanks that do not fit varchar(n).
// The DOWN of a widening is a narrowing, guarded the same way. As neither kind can lose a value, a type change
// is not destructive and needs no --allow-destructive: the worst it does is fail, with the column named.
//
// The conversion (type_conversion_sql) is PostgreSQL's cast with the session's TimeZone left out, so a plan
// means the same on every connection: timestamptz <-> timestamp, date and time go through AT TIME ZONE 'UTC'
// (wall-clock times are UTC), time -> timetz gets the offset +00, and pairs PostgreSQL has no cast for
// (enum -> enum, uuid -> int, int -> int[]) go through text. Arrays are cast element by element with
// PostgreSQL's casts (their time zone conversions follow the session, and the guard still checks them). The
// ALTER leaves out USING when PostgreSQL's assignment cast is that conversion (converts_by_assignment): for
// every value the guard lets through the two give the same result.
//
// json -> jsonb counts as a widening though jsonb keeps no spacing or key order and only the last of duplicate
// keys: JSON means the same without them, and json has no equality a guard could compare with.

// True when the change from `from` to `to` is not a proven widening and so needs the guard. Serial kinds count
// as their integer type; user and extension types are never proven widenings, except to text.
bool is_narrowing_change(const Type& from, const Type& to);

// The SQL expression that converts `value` (of type `from`) to `to`, as the rule above says.
std::string type_conversion_sql(const std::string& value, const Type& from, const Type& to);

// True when ALTER COLUMN ... TYPE `to` without USING makes the conversion type_conversion_sql writes.
bool converts_by_assignment(const Type& from, const Type& to);

// SQL that is true when `a` and `b`, both of type `t`, are not the same value: IS DISTINCT FROM, or their text
// when `t` has no equality (json, user and extension types).
std::string value_differs_sql(const std::string& a, const std::string& b, const Type& t);

// How PostgreSQL casts between two scalar built-in types (canonical names) as pg_cast.castcontext says it: 'i'
// implicit, 'a' assignment, 'e' explicit, counting the I/O casts every type has to the string types
// (assignment) and from them (explicit); 0 when there is none. A type to itself is 'i'.
char builtin_cast_context(std::string_view from, std::string_view to);

}  // namespace schemac

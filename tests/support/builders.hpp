#pragma once
// Small builders for tests: complete Schema models (named constraints and indexes, filled foreign-key columns),
// written in a line each. Pass "" for a name to get what the parser hands over (names as written, default names
// empty); at() adds the place in schema.dsl that diagnostics report. The plan tests' helpers are in
// plan_builders.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace schemac::test {

// A place in schema.dsl, as the parser records it.
inline Loc dsl_loc(uint32_t line, uint32_t col = 3) { return Loc{"schema.dsl", line, col}; }

// `x` as declared at schema.dsl:line:col.
template <class T>
T at(T x, uint32_t line, uint32_t col = 3) {
  x.loc = dsl_loc(line, col);
  return x;
}

inline Type ty(std::string name, std::vector<int64_t> mods = {}, int dims = 0) {
  Type t;
  t.name = std::move(name);
  t.mods = std::move(mods);
  t.array_dims = dims;
  return t;
}

inline Type enum_ty(std::string schema, std::string name) {
  Type t;
  t.schema = std::move(schema);
  t.name = std::move(name);
  return t;
}

inline Column col(std::string name, Type type, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.nullable = nullable;
  return c;
}

inline Column with_default(Column c, std::string expr) {
  c.default_expr = std::move(expr);
  return c;
}

inline Constraint pk(std::string name, std::vector<std::string> cols) {
  Constraint c;
  c.kind = Constraint::Kind::primary_key;
  c.name = std::move(name);
  c.columns = std::move(cols);
  return c;
}

inline Constraint uq(std::string name, std::vector<std::string> cols) {
  Constraint c = pk(std::move(name), std::move(cols));
  c.kind = Constraint::Kind::unique;
  return c;
}

// EXCLUDE USING method (keys WITH ops): each key's operator in IndexKey::op.
inline Constraint excl(std::string name, std::string method, std::vector<IndexKey> elements) {
  Constraint c;
  c.kind = Constraint::Kind::exclusion;
  c.name = std::move(name);
  c.method = std::move(method);
  c.elements = std::move(elements);
  return c;
}

inline IndexKey with_op(IndexKey k, std::string op) {
  k.op = std::move(op);
  return k;
}

inline Constraint chk(std::string name, std::string expr) {
  Constraint c;
  c.kind = Constraint::Kind::check;
  c.name = std::move(name);
  c.check_expr = std::move(expr);
  return c;
}

inline Constraint fk(std::string name, std::vector<std::string> cols, std::string ref_table,
                     std::vector<std::string> ref_cols = {"id"}, std::string ref_schema = "public") {
  Constraint c;
  c.kind = Constraint::Kind::foreign_key;
  c.name = std::move(name);
  c.columns = std::move(cols);
  c.ref_schema = std::move(ref_schema);
  c.ref_table = std::move(ref_table);
  c.ref_columns = std::move(ref_cols);
  return c;
}

inline IndexKey key(std::string column, bool desc = false, NullsOrder nulls = NullsOrder::implied) {
  IndexKey k;
  k.column = std::move(column);
  k.desc = desc;
  k.nulls = nulls;
  return k;
}

inline IndexKey expr_key(std::string expr) {
  IndexKey k;
  k.expr = std::move(expr);
  return k;
}

inline Index idx(std::string name, std::vector<IndexKey> keys, bool unique = false) {
  Index ix;
  ix.name = std::move(name);
  ix.keys = std::move(keys);
  ix.unique = unique;
  return ix;
}

inline Table table(std::string schema, std::string name, std::vector<Column> cols,
                   std::vector<Constraint> cons = {}, std::vector<Index> ixs = {}) {
  Table t;
  t.schema = std::move(schema);
  t.name = std::move(name);
  t.columns = std::move(cols);
  t.constraints = std::move(cons);
  t.indexes = std::move(ixs);
  return t;
}

// public.t (id int primary key)
inline Table simple(std::string name, std::vector<Column> extra = {}) {
  std::vector<Column> cols{col("id", ty("int"))};
  for (auto& c : extra) cols.push_back(c);
  return table("public", name, cols, {pk(name + "_pkey", {"id"})});
}

inline Schema schema_of(std::vector<Table> tables, std::vector<Enum> enums = {}) {
  Schema s;
  s.tables = std::move(tables);
  s.enums = std::move(enums);
  return s;
}

inline Enum enum_of(std::string schema, std::string name, std::vector<std::string> values) {
  Enum e;
  e.schema = std::move(schema);
  e.name = std::move(name);
  e.values = std::move(values);
  return e;
}

inline Span span(int64_t months, int64_t days, int64_t micros) {
  Span s;
  s.months = months;
  s.days = days;
  s.micros = micros;
  return s;
}
inline Span minutes(int64_t n) { return span(0, 0, n * 60'000'000LL); }
inline Span hours(int64_t n) { return span(0, 0, n * 3'600'000'000LL); }
inline Span days(int64_t n) { return span(0, n, 0); }
inline Span months(int64_t n) { return span(n, 0, 0); }
// A span of an integer time column (`chunk_interval 1000`).
inline Span integer(int64_t n) {
  Span s;
  s.is_integer = true;
  s.integer = n;
  return s;
}

inline OrderItem order(std::string column, bool desc = false) {
  OrderItem o;
  o.column = std::move(column);
  o.desc = desc;
  return o;
}

inline Hypertable hyper(std::string time_column) {
  Hypertable h;
  h.time_column = std::move(time_column);
  return h;
}

// `partition_by column hash partitions` / `partition_by column range interval`.
inline Dimension hash_dim(std::string column, int64_t partitions) {
  Dimension d;
  d.column = std::move(column);
  d.partitions = partitions;
  return d;
}
inline Dimension range_dim(std::string column, Span interval) {
  Dimension d;
  d.kind = Dimension::Kind::range;
  d.column = std::move(column);
  d.interval = interval;
  return d;
}

inline QueryParam param(std::string name, std::optional<Type> type = std::nullopt) {
  QueryParam p;
  p.name = std::move(name);
  p.type = std::move(type);
  return p;
}

inline Query query(std::string name, std::vector<QueryParam> params, std::string where, bool many = false) {
  Query q;
  q.name = std::move(name);
  q.params = std::move(params);
  q.where = std::move(where);
  q.many = many;
  return q;
}

inline Extension extension(std::string name, std::string schema = {}) {
  Extension e;
  e.name = std::move(name);
  e.schema = std::move(schema);
  return e;
}

inline Namespace name_space(std::string name) {
  Namespace n;
  n.name = std::move(name);
  return n;
}

}  // namespace schemac::test

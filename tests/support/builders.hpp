#pragma once
// Small builders for the diff and render tests: complete Schema models (named constraints and indexes, filled
// foreign-key columns), written in a line each.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "plan/diff.hpp"
#include "model/model.hpp"

namespace doctest {
// Lists of statements print one per line in failure messages.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{\n";
    for (auto& s : v) out += "  " + s + "\n";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace schemac::test {

// A whole script without its section scaffolding (script.hpp: the note on how to apply it, the marker lines,
// BEGIN and COMMIT), blank lines between changes: what tests of the statements' order compare.
inline std::string changes_only(const std::string& script) {
  std::string out;
  size_t start = script.find("-- schemac:section");
  if (start == std::string::npos) return script;
  for (size_t nl; start < script.size(); start = nl + 1) {
    nl = script.find('\n', start);
    if (nl == std::string::npos) nl = script.size();
    std::string line = script.substr(start, nl - start);
    if (line.starts_with("-- schemac:section") || line == "BEGIN;" || line == "COMMIT;") continue;
    if (line.empty() && (out.empty() || out.ends_with("\n\n"))) continue;
    out += line + "\n";
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
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

inline IndexKey key(std::string column, bool desc = false) {
  IndexKey k;
  k.column = std::move(column);
  k.desc = desc;
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

inline Span minutes(int64_t n) {
  Span s;
  s.micros = n * 60'000'000LL;
  return s;
}

inline Span days(int64_t n) {
  Span s;
  s.days = n;
  return s;
}

inline DiffOptions allow() {
  DiffOptions o;
  o.allow_destructive = true;
  return o;
}

// Every change's kinds, in order.
inline std::vector<std::string> kinds(const Plan& p) {
  std::vector<std::string> out;
  for (auto& c : p.changes) out.push_back(kind_name(c.kind));
  return out;
}

inline std::vector<std::string> descriptions(const Plan& p) {
  std::vector<std::string> out;
  for (auto& c : p.changes) out.push_back(c.description);
  return out;
}

}  // namespace schemac::test

#include "model/model.hpp"

#include <algorithm>

namespace schemac {

namespace {
template <class Vec>
auto find_named(Vec& v, const std::string& schema, const std::string& name) -> decltype(&v.front()) {
  auto it = std::find_if(v.begin(), v.end(), [&](auto& o) { return o.schema == schema && o.name == name; });
  return it == v.end() ? nullptr : &*it;
}
}  // namespace

std::vector<std::string> Table::column_names() const {
  std::vector<std::string> out;
  for (auto& c : columns) out.push_back(c.name);
  return out;
}

const Column* Table::column(const std::string& n) const {
  auto it = std::find_if(columns.begin(), columns.end(), [&](auto& c) { return c.name == n; });
  return it == columns.end() ? nullptr : &*it;
}
Column* Table::column(const std::string& n) {
  return const_cast<Column*>(static_cast<const Table*>(this)->column(n));
}
const Constraint* Table::primary_key() const {
  auto it = std::find_if(constraints.begin(), constraints.end(),
                         [](auto& c) { return c.kind == Constraint::Kind::primary_key; });
  return it == constraints.end() ? nullptr : &*it;
}

const Table* Schema::table(const std::string& schema, const std::string& name) const {
  return find_named(tables, schema, name);
}
Table* Schema::table(const std::string& schema, const std::string& name) { return find_named(tables, schema, name); }
const Enum* Schema::find_enum(const std::string& schema, const std::string& name) const {
  return find_named(enums, schema, name);
}

const Sequence* Schema::find_sequence(const std::string& schema, const std::string& name) const {
  return find_named(sequences, schema, name);
}
const Extension* Schema::find_extension(const std::string& name) const {
  auto it = std::find_if(extensions.begin(), extensions.end(), [&](auto& e) { return e.name == name; });
  return it == extensions.end() ? nullptr : &*it;
}
const Namespace* Schema::find_namespace(const std::string& name) const {
  auto it = std::find_if(namespaces.begin(), namespaces.end(), [&](auto& n) { return n.name == name; });
  return it == namespaces.end() ? nullptr : &*it;
}

NullsOrder normalize_nulls(bool desc, NullsOrder nulls) {
  if ((!desc && nulls == NullsOrder::last) || (desc && nulls == NullsOrder::first)) return NullsOrder::implied;
  return nulls;
}

}  // namespace schemac

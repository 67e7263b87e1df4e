#pragma once
// map_type's body: a template so the caller decides how an enum is named without a std::function.
#include "model/types.hpp"

namespace schemac::codegen {

template <class EnumName>
std::optional<CppType> map_type(const Type& t0, const EnumName& enum_cpp_name) {
  const Type t = storage_type(t0);  // serial -> int
  CppType out;
  std::string scalar;
  if (!t.schema.empty()) {
    std::optional<std::string> e = enum_cpp_name(t.schema, t.name);
    if (!e) return std::nullopt;
    scalar = *e;
    out.is_enum = true;
  } else if (auto b = builtin_cpp_type(t.name)) {
    scalar = *b;
  } else {
    return std::nullopt;
  }
  if (t.array_dims == 0) {
    out.name = scalar;
    return out;
  }
  out.element = scalar;
  // A multi-dimensional array is schemac::db::Array (dimensions and elements); one dimension a plain vector.
  out.name = t.array_dims == 1 ? "std::vector<" + scalar + ">" : "schemac::db::Array<" + scalar + ">";
  if (t.name == "varchar" || t.name == "char") {
    out.select_cast = "text[]";
    out.copy_element_oid = t.name == "varchar" ? "schemac::db::oids::varchar" : "schemac::db::oids::bpchar";
  } else if (t.name == "cidr") {
    out.select_cast = "inet[]";
    out.copy_element_oid = "schemac::db::oids::cidr";
  }
  return out;
}

}  // namespace schemac::codegen

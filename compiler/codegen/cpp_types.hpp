#pragma once
// The C++ type of each column type, as the runtime (runtime/include/schemac/codec.hpp) encodes and decodes it.
// A type the runtime has no codec for is refused by name, never mapped to something that would lose values.

#include <optional>
#include <string>

#include "model/model.hpp"

namespace schemac::codegen {

struct CppType {
  std::string name;          // the C++ type of a NOT NULL value: int32_t, schemac::db::Decimal, std::vector<Side>
  std::string element;       // for an array: its element's C++ type; empty otherwise
  bool is_enum = false;      // the type, or an array's element, is a user enum
  // How a result column is selected so that its codec accepts it: varchar[] and char[] come back as text[],
  // cidr[] as inet[], because an array's codec reads only its own array type. Empty: the column as it is.
  std::string select_cast;
  // For COPY of an array: the element type's OID when it differs from the one the C++ element's codec
  // declares (varchar[] holds varchar elements, not text); array_recv refuses any other. Empty: the codec's.
  std::string copy_element_oid;
};

// `enum_cpp_name(schema, name)` gives the qualified C++ name of a user enum, or nullopt when the type is not an
// enum the schema declares. nullopt from map_type when the runtime cannot represent `t` (timetz, macaddr,
// tsvector, extension types, an array of one of them).
template <class EnumName>
std::optional<CppType> map_type(const Type& t, const EnumName& enum_cpp_name);

// The C++ type of a scalar built-in canonical type name, or nullopt.
std::optional<std::string> builtin_cpp_type(const std::string& canonical);

}  // namespace schemac::codegen

#include "codegen/cpp_types_impl.hpp"

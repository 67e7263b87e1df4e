#include "codegen/cpp_types.hpp"

#include <string_view>
#include <utility>

namespace schemac::codegen {

namespace {

// Canonical type name (model/types.cpp) -> the C++ type whose Codec the runtime defines for it.
constexpr std::pair<std::string_view, std::string_view> kBuiltins[] = {
    {"smallint", "int16_t"},
    {"int", "int32_t"},
    {"bigint", "int64_t"},
    {"real", "float"},
    {"double precision", "double"},
    {"numeric", "schemac::db::Decimal"},
    {"bool", "bool"},
    {"text", "std::string"},
    {"varchar", "std::string"},
    {"char", "std::string"},
    {"bytea", "schemac::db::Bytes"},
    {"uuid", "schemac::db::Uuid"},
    {"json", "schemac::db::Json"},
    {"jsonb", "schemac::db::Jsonb"},
    {"timestamptz", "schemac::db::Timestamptz"},
    {"timestamp", "schemac::db::Timestamp"},
    {"date", "schemac::db::Date"},
    {"time", "schemac::db::Time"},
    {"interval", "schemac::db::Interval"},
    {"inet", "schemac::db::Inet"},
    {"cidr", "schemac::db::Inet"},
};

}  // namespace

std::optional<std::string> builtin_cpp_type(const std::string& canonical) {
  for (auto [sql, cpp] : kBuiltins)
    if (sql == canonical) return std::string(cpp);
  return std::nullopt;
}

}  // namespace schemac::codegen

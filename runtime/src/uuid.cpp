// Uuid text form, following uuid_in's rules so that anything the server reads, the runtime reads the same.
#include "schemac/uuid.hpp"

#include <stdexcept>

namespace schemac::db {
namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string Uuid::to_string() const {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(hex[bytes[i] >> 4]);
    out.push_back(hex[bytes[i] & 0xF]);
  }
  return out;
}

std::optional<Uuid> Uuid::try_parse(std::string_view text) {
  const bool braces = !text.empty() && text.front() == '{';
  if (braces) {
    if (text.size() < 2 || text.back() != '}') return std::nullopt;
    text = text.substr(1, text.size() - 2);
  }
  Uuid u;
  size_t i = 0;
  for (size_t byte = 0; byte < 16; ++byte) {
    // uuid_in allows one hyphen after each group of four hex digits (never first, last or doubled).
    if (byte > 0 && byte % 2 == 0 && i < text.size() && text[i] == '-') ++i;
    if (i + 2 > text.size()) return std::nullopt;
    const int hi = hex_value(text[i]), lo = hex_value(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    u.bytes[byte] = static_cast<uint8_t>(hi << 4 | lo);
    i += 2;
  }
  if (i != text.size()) return std::nullopt;
  return u;
}

Uuid Uuid::parse(std::string_view text) {
  if (auto u = try_parse(text)) return *u;
  throw std::invalid_argument("invalid uuid: \"" + std::string(text) + "\"");
}

}  // namespace schemac::db

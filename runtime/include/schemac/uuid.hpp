#pragma once
// A UUID as the 16 bytes PostgreSQL stores and sends (uuid_send writes them as they are), with the text form.
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace schemac::db {

struct Uuid {
  std::array<uint8_t, 16> bytes{};

  // Lower case, 8-4-4-4-12 hex digits, as the server prints it.
  std::string to_string() const;
  // The forms uuid_in reads: 32 hex digits in either case, optionally with a hyphen after any group of four
  // and inside braces. Throws std::invalid_argument naming the text; nullopt from try_parse.
  static Uuid parse(std::string_view text);
  static std::optional<Uuid> try_parse(std::string_view text);

  friend auto operator<=>(const Uuid&, const Uuid&) = default;
};

}  // namespace schemac::db

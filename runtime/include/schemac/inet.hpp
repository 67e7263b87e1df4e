#pragma once
// An inet or cidr value as inet_send carries it: the address family, the netmask length, whether it is a cidr,
// and the address bytes (4 for IPv4, 16 for IPv6; the unused tail of `address` stays zero).
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace schemac::db {

struct Inet {
  // PostgreSQL's own family codes (PGSQL_AF_INET/INET6), not the host's AF_INET values, which differ by platform.
  enum class Family : uint8_t { v4 = 2, v6 = 3 };

  Family family = Family::v4;
  uint8_t bits = 32;  // netmask length: 0..32 for v4, 0..128 for v6
  bool is_cidr = false;
  std::array<uint8_t, 16> address{};

  size_t address_size() const { return family == Family::v4 ? 4 : 16; }

  // "10.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32": like the server's output, the /bits is left out of an
  // inet whose netmask covers the whole address, and always written for a cidr.
  std::string to_string() const;
  // "address" or "address/bits" (IPv4 dotted quad or IPv6); `cidr` marks the value as a cidr. Throws
  // std::invalid_argument naming the text; nullopt from try_parse.
  static Inet parse(std::string_view text, bool cidr = false);
  static std::optional<Inet> try_parse(std::string_view text, bool cidr = false);

  friend auto operator<=>(const Inet&, const Inet&) = default;
};

}  // namespace schemac::db

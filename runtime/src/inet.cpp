// Inet text form through the C library's inet_pton/inet_ntop (exact for both families), plus the /bits rules of
// the server's inet and cidr output.
#include "schemac/inet.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <charconv>
#include <stdexcept>

namespace schemac::db {

std::string Inet::to_string() const {
  char text[INET6_ADDRSTRLEN] = {};
  const int af = family == Family::v4 ? AF_INET : AF_INET6;
  if (!inet_ntop(af, address.data(), text, sizeof text)) return "<invalid inet>";
  std::string out = text;
  if (is_cidr || bits != address_size() * 8) out += "/" + std::to_string(bits);
  return out;
}

std::optional<Inet> Inet::try_parse(std::string_view text, bool cidr) {
  Inet v;
  v.is_cidr = cidr;
  const size_t slash = text.find('/');
  const std::string addr(text.substr(0, slash));
  if (inet_pton(AF_INET, addr.c_str(), v.address.data()) == 1) {
    v.family = Family::v4;
  } else if (inet_pton(AF_INET6, addr.c_str(), v.address.data()) == 1) {
    v.family = Family::v6;
  } else {
    return std::nullopt;
  }
  v.bits = static_cast<uint8_t>(v.address_size() * 8);
  if (slash != std::string_view::npos) {
    const std::string_view b = text.substr(slash + 1);
    unsigned bits = 0;
    const auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), bits);
    if (b.empty() || ec != std::errc{} || end != b.data() + b.size() || bits > v.address_size() * 8)
      return std::nullopt;
    v.bits = static_cast<uint8_t>(bits);
  }
  return v;
}

Inet Inet::parse(std::string_view text, bool cidr) {
  if (auto v = try_parse(text, cidr)) return *v;
  throw std::invalid_argument("invalid inet: \"" + std::string(text) + "\"");
}

}  // namespace schemac::db

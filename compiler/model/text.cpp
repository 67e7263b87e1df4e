#include "model/text.hpp"

#include <algorithm>
#include <cctype>

namespace schemac {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

Utf8Char utf8_char(std::string_view s) {
  if (s.empty()) return {};
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  if (byte(0) < 0x80) return {byte(0), 1};
  // RFC 3629's table: the lead byte gives the length and the range of the second byte, which is what rules out
  // overlong forms, surrogates and code points past U+10FFFF; later bytes are plain continuation bytes.
  struct Lead {
    unsigned char first, last;
    size_t size;
    unsigned char lo, hi;
  };
  static constexpr Lead leads[]{{0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF}, {0xE1, 0xEC, 3, 0x80, 0xBF},
                                {0xED, 0xED, 3, 0x80, 0x9F}, {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
                                {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F}};
  for (const Lead& l : leads) {
    if (byte(0) < l.first || byte(0) > l.last) continue;
    if (s.size() < l.size || byte(1) < l.lo || byte(1) > l.hi) return {};
    char32_t code = byte(0) & (0x7F >> l.size);
    for (size_t i = 1; i < l.size; ++i) {
      if ((byte(i) & 0xC0) != 0x80) return {};
      code = (code << 6) | (byte(i) & 0x3F);
    }
    return {code, l.size};
  }
  return {};
}

}  // namespace schemac

#include "model/text.hpp"

#include <utf8proc.h>

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
  if (static_cast<unsigned char>(s[0]) < 0x80) return {static_cast<unsigned char>(s[0]), 1};
  utf8proc_int32_t code = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &code);
  if (n <= 0 || code < 0) return {};
  return {static_cast<char32_t>(code), static_cast<size_t>(n)};
}

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !continuation(c);
  return n;
}

size_t utf8_offset(std::string_view s, size_t n) {
  for (size_t i = 0, chars = 0; i < s.size(); ++i)
    if (!continuation(s[i]) && chars++ == n) return i;
  return s.size();
}

size_t utf8_floor(std::string_view s, size_t n) {
  while (n > 0 && n < s.size() && continuation(s[n])) --n;
  return n;
}

}  // namespace schemac

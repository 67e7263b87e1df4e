#pragma once
// Small string helpers every stage uses.

#include <string>
#include <string_view>
#include <vector>

namespace schemac {

// Without leading and trailing ASCII white space.
std::string trim(std::string_view s);

// The parts with `sep` between them.
std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ");

// ASCII lower case (SQL keywords and built-in type names are ASCII).
std::string to_lower(std::string_view s);

// The UTF-8 character `s` starts with: its code point and length in bytes. size 0 when s does not start with a
// well-formed one (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF, no cut-off sequence).
struct Utf8Char {
  char32_t code = 0;
  size_t size = 0;
};
Utf8Char utf8_char(std::string_view s);

// Counting in characters the way PostgreSQL counts a varchar's length or a parser's cursor position: a character
// is a byte that is not a UTF-8 continuation byte (10xxxxxx).
size_t utf8_length(std::string_view s);
// The byte offset of character `n` (0-based); s.size() when s has no such character.
size_t utf8_offset(std::string_view s, size_t n);
// `n` backed off to the first byte of the character it falls in, so s.substr(0, n) cuts no character.
size_t utf8_floor(std::string_view s, size_t n);

}  // namespace schemac

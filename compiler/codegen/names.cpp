#include "codegen/names.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include <fmt/format.h>

namespace schemac::codegen {

namespace {

// C++20 [lex.key], [lex.digraph]'s alternative tokens, and the standard library's macros with names a column
// could have (a field called `errno` or `assert` would be rewritten by the preprocessor).
constexpr std::string_view kKeywords[] = {
    "alignas",   "alignof",     "and",          "and_eq",       "asm",          "auto",       "bitand",
    "bitor",     "bool",        "break",        "case",         "catch",        "char",       "char16_t",
    "char32_t",  "char8_t",     "class",        "co_await",     "co_return",    "co_yield",   "compl",
    "concept",   "const",       "const_cast",   "consteval",    "constexpr",    "constinit",  "continue",
    "decltype",  "default",     "delete",       "do",           "double",       "dynamic_cast", "else",
    "enum",      "explicit",    "export",       "extern",       "false",        "float",      "for",
    "friend",    "goto",        "if",           "import",       "inline",       "int",        "long",
    "module",    "mutable",     "namespace",    "new",          "noexcept",     "not",        "not_eq",
    "nullptr",   "operator",    "or",           "or_eq",        "private",      "protected",  "public",
    "register",  "reinterpret_cast", "requires", "return",      "short",        "signed",     "sizeof",
    "static",    "static_assert", "static_cast", "struct",      "switch",       "template",   "this",
    "thread_local", "throw",    "true",         "try",          "typedef",      "typeid",     "typename",
    "union",     "unsigned",    "using",        "virtual",      "void",         "volatile",   "wchar_t",
    "while",     "xor",         "xor_eq",
    "NULL",      "EOF",         "assert",       "errno",        "stdin",        "stdout",     "stderr",
    "offsetof",  "setjmp",      "va_arg",       "va_start",     "va_end",       "major",      "minor"};

bool ascii_word_char(unsigned char c) { return std::isalnum(c) || c == '_'; }

// The code point starting at s[i] and its length in bytes; a byte that is not UTF-8 stands for itself (so a
// broken name still mangles, the same way every time).
std::pair<uint32_t, size_t> code_point(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > s.size()) return {b, 1};
  uint32_t cp = b & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return {b, 1};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, len};
}

}  // namespace

bool is_cpp_keyword(std::string_view word) {
  return std::find(std::begin(kKeywords), std::end(kKeywords), word) != std::end(kKeywords);
}

std::string cpp_identifier(std::string_view sql_name) {
  std::string out;
  auto underscore = [&] {
    if (!out.empty() && out.back() != '_') out += '_';
  };
  for (size_t i = 0; i < sql_name.size();) {
    const auto c = static_cast<unsigned char>(sql_name[i]);
    if (c < 0x80) {
      if (c == '_' || !ascii_word_char(c))
        underscore();
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    auto [cp, len] = code_point(sql_name, i);
    // Separated from neighbouring letters so `éa` and `u00e9a`-like spellings stay apart and readable.
    if (!out.empty() && out.back() != '_') out += '_';
    out += fmt::format("u{:04x}", cp);
    out += '_';
    i += len;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty()) return "x_";
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "x" + out;
  if (is_cpp_keyword(out)) out += '_';
  return out;
}

std::string NameScope::add(std::string_view sql_name) {
  const std::string base = cpp_identifier(sql_name);
  std::string name = base;
  // `class_` (a keyword's) continues as `class_2`, not `class__2`: a double underscore is reserved.
  const std::string stem = base.back() == '_' ? base : base + "_";
  for (int n = 2; taken_.count(name); ++n) name = stem + std::to_string(n);
  taken_.insert(name);
  return name;
}

}  // namespace schemac::codegen

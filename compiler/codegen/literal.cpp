#include "codegen/literal.hpp"

#include <fmt/format.h>

#include "model/quote.hpp"

namespace schemac::codegen {

std::string cpp_string_literal(std::string_view bytes) {
  std::string out = "\"";
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      // ?? would start a trigraph before C++17; escaped so the text reads the same to every tool.
      case '?': out += "\\?"; break;
      default:
        if (c < 0x20 || c >= 0x7F)
          out += fmt::format("\\{:03o}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string cpp_comment(std::string_view text) { return comment_text(text); }

}  // namespace schemac::codegen

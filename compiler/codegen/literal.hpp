#pragma once
// Text as C++ source: every SQL string, name and comment the generator writes into a header goes through here,
// so no name can end a string literal or a comment early.

#include <string>
#include <string_view>

namespace schemac::codegen {

// A C++ string literal of exactly these bytes: quotes, backslashes and control characters escaped, and every
// byte outside printable ASCII as a three-digit octal escape (octal, unlike \x, stops after three digits, so a
// following digit or letter cannot join it). The header stays ASCII whatever the names are.
std::string cpp_string_literal(std::string_view bytes);

// Text for one `// ...` line (a doc comment, a SQL name): model/quote.hpp's comment_text, which leaves nothing that
// could end the line or open a block comment.
std::string cpp_comment(std::string_view text);

}  // namespace schemac::codegen

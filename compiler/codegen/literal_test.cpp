#include "codegen/literal.hpp"

#include <doctest/doctest.h>

using schemac::codegen::cpp_comment;
using schemac::codegen::cpp_string_literal;

TEST_CASE("cpp_string_literal: escapes what could end or change the literal") {
  CHECK(cpp_string_literal("plain") == "\"plain\"");
  CHECK(cpp_string_literal("a\"b") == "\"a\\\"b\"");
  CHECK(cpp_string_literal("a\\b") == "\"a\\\\b\"");
  CHECK(cpp_string_literal("x\ny") == "\"x\\ny\"");
  CHECK(cpp_string_literal("é1") == "\"\\303\\2511\"");  // octal stops at three digits: the 1 stays a 1
  CHECK(cpp_string_literal(std::string_view("\0", 1)) == "\"\\000\"");
  CHECK(cpp_string_literal("?\?=") == "\"\\?\\?=\"");
}

TEST_CASE("cpp_comment: nothing can end the line or open a block comment") {
  CHECK(cpp_comment("prices */ int x; /*") .find("*/") == std::string::npos);
  CHECK(cpp_comment("two\nlines").find('\n') == std::string::npos);
}

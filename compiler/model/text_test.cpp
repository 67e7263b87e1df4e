#include "model/text.hpp"

#include <doctest/doctest.h>

using namespace schemac;

TEST_CASE("text: utf8_char reads well-formed characters and nothing else") {
  CHECK(utf8_char("a").code == U'a');
  CHECK(utf8_char("\xc3\xa9x").size == 2);           // é
  CHECK(utf8_char("\xc3\xa9x").code == 0xE9);
  CHECK(utf8_char("\xe6\x97\xa5").code == 0x65E5);   // 日
  CHECK(utf8_char("\xf0\x9f\x98\x80").size == 4);    // an emoji
  CHECK(utf8_char("").size == 0);
  CHECK(utf8_char("\xc0\xaf").size == 0);            // overlong '/'
  CHECK(utf8_char("\xed\xa0\x80").size == 0);        // a surrogate
  CHECK(utf8_char("\xf4\x90\x80\x80").size == 0);    // past U+10FFFF
  CHECK(utf8_char("\xe6\x97").size == 0);            // cut off
  CHECK(utf8_char("\x80").size == 0);                // a continuation byte alone
}

TEST_CASE("text: trim, join, to_lower") {
  CHECK(trim("  a b \t\n") == "a b");
  CHECK(join({"a", "b", "c"}, "-") == "a-b-c");
  CHECK(to_lower("TimeStampTZ") == "timestamptz");
}

TEST_CASE("text: lengths and offsets count characters, cuts fall on character starts") {
  std::string s = "a\xc3\xa9\xe6\x97\xa5z";  // a é 日 z
  CHECK(utf8_length(s) == 4);
  CHECK(utf8_offset(s, 0) == 0);
  CHECK(utf8_offset(s, 2) == 3);
  CHECK(utf8_offset(s, 3) == 6);
  CHECK(utf8_offset(s, 9) == s.size());
  CHECK(utf8_floor(s, 2) == 1);  // inside é
  CHECK(utf8_floor(s, 5) == 3);  // inside 日
  CHECK(utf8_floor(s, 3) == 3);
  CHECK(utf8_floor(s, 99) == 99);
}

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "model/quote.hpp"

using namespace schemac;

TEST_CASE("quote_ident leaves plain lower-case names bare") {
  CHECK(quote_ident("exchanges") == "exchanges");
  CHECK(quote_ident("_tmp1") == "_tmp1");
  CHECK(quote_ident("data") == "data");            // unreserved keyword: PostgreSQL writes it bare too
  CHECK(quote_ident("timestamp") == "\"timestamp\"");  // a column-name keyword is quoted
}

TEST_CASE("quote_ident quotes capitals, spaces, quotes, digits first and reserved words") {
  CHECK(quote_ident("Mixed Case") == "\"Mixed Case\"");
  CHECK(quote_ident("Price") == "\"Price\"");
  CHECK(quote_ident("a\"b") == "\"a\"\"b\"");
  CHECK(quote_ident("1m") == "\"1m\"");
  CHECK(quote_ident("select") == "\"select\"");
  CHECK(quote_ident("order") == "\"order\"");
  CHECK(quote_ident("user") == "\"user\"");
  CHECK(quote_ident("a$b") == "\"a$b\"");
  CHECK(quote_ident("") == "\"\"");
}

TEST_CASE("quote_qualified joins schema and name and can leave out public") {
  CHECK(quote_qualified("public", "t") == "public.t");
  CHECK(quote_qualified("public", "t", true) == "t");
  CHECK(quote_qualified("Work Space", "t", true) == "\"Work Space\".t");
}

TEST_CASE("quote_literal doubles quotes and makes backslashes unambiguous") {
  CHECK(quote_literal("it's") == "'it''s'");
  CHECK(quote_literal("") == "''");
  CHECK(quote_literal("a\\b") == "E'a\\\\b'");
  CHECK(quote_literal("'\\'") == "E'''\\\\'''");
}

TEST_CASE("is_sql_keyword knows reserved and column-name keywords but not unreserved ones") {
  CHECK(is_sql_keyword("select"));
  CHECK(is_sql_keyword("between"));  // col_name keyword
  CHECK(is_sql_keyword("left"));     // type_func_name keyword
  CHECK_FALSE(is_sql_keyword("timestamp_"));
  CHECK_FALSE(is_sql_keyword("name"));
}

TEST_CASE("quote_opclass quotes each part of an operator class") {
  CHECK(quote_opclass("jsonb_path_ops") == "jsonb_path_ops");
  CHECK(quote_opclass("public.gin_trgm_ops") == "public.gin_trgm_ops");
  CHECK(quote_opclass("Ops.My Ops") == "\"Ops\".\"My Ops\"");
  CHECK(quote_opclass("jsonb_path_ops); DROP TABLE victim; --") == "\"jsonb_path_ops); DROP TABLE victim; --\"");
}

TEST_CASE("comment_text escapes whatever could end a comment line or open a comment") {
  CHECK(comment_text("create table public.t") == "create table public.t");
  CHECK(comment_text("evil\nDROP TABLE victim; --") == "evil\\nDROP TABLE victim; --");
  CHECK(comment_text("a\rb\tc") == "a\\rb\\tc");
  CHECK(comment_text(std::string("nul\0x\x01\x1f\x7f", 8)) == "nul\\x00x\\x01\\x1F\\x7F");
  CHECK(comment_text("back\\slash \\n") == "back\\\\slash \\\\n");  // a written \n stays apart from an escaped one
  CHECK(comment_text("a/*b*/c") == "a\\/\\*b\\*\\/c");
  CHECK(comment_text("*/*") == "\\*\\/\\*");
  CHECK(comment_text("a * b / c // d") == "a * b / c // d");  // a lone / or * is harmless
  CHECK(comment_text("line\u2028sep\u2029x") == "line\\u2028sep\\u2029x");
  CHECK(comment_text("\u0085next line") == "\\u0085next line");  // C1 control NEL
  CHECK(comment_text("\u202Eevil\u2066") == "\\u202Eevil\\u2066");  // bidirectional overrides
  CHECK(comment_text("caf\u00e9 \u65e5\u672c \U0001F600") == "caf\u00e9 \u65e5\u672c \U0001F600");  // text stays text
  CHECK(comment_text("bad \xff \xc3 \xc0\xaf \xed\xa0\x80 end") == "bad \\xFF \\xC3 \\xC0\\xAF \\xED\\xA0\\x80 end");
}

namespace {
// One line of valid UTF-8 with nothing in it that ends a line or opens or closes a comment.
bool one_inert_line(const std::string& s) {
  for (const char* bad : {"/*", "*/", "\u2028", "\u2029", "\u0085"})
    if (s.find(bad) != std::string::npos) return false;
  if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    return false;
  try {
    (void)nlohmann::json(s).dump();  // throws on bytes that are not UTF-8
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}
}  // namespace

TEST_CASE("comment_text: for any bytes, the result is one inert line of valid UTF-8") {
  // Every byte value, and random strings over the bytes that matter (deterministic).
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  CHECK(one_inert_line(comment_text(all)));
  const std::string alphabet("\n\r\t\0/*\\'\"\xc2\x85\xe2\x80\xa8\xa9", 15);
  uint32_t seed = 7;
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (int i = 0; i < 12; ++i) {
      seed = seed * 1103515245u + 12345u;
      s += alphabet[(seed >> 16) % alphabet.size()];
    }
    INFO("input #" << n);
    CHECK(one_inert_line(comment_text(s)));
  }
}

TEST_CASE("bare_storage_value: numbers and words stay bare, anything else becomes a string") {
  for (const char* v : {"70", "0.01", "off", "on", "auto_x", "a$b"}) CHECK(schemac::bare_storage_value(v));
  for (const char* v : {"", "-1", ".5", "5.", "1.2.3", "it's", "a b", "7x", "x-y"})
    CHECK_FALSE(schemac::bare_storage_value(v));
}

TEST_CASE("quote_operator writes an operator bare, or OPERATOR(schema.op), and refuses anything else") {
  CHECK(quote_operator("&&") == "&&");
  CHECK(quote_operator("-|-") == "-|-");
  CHECK(quote_operator("My Schema.===") == "OPERATOR(\"My Schema\".===)");
  CHECK(is_operator_name("<@"));
  CHECK_FALSE(is_operator_name(""));
  CHECK_FALSE(is_operator_name("=; DROP TABLE t"));
  CHECK_THROWS_AS(quote_operator("=) ; DROP TABLE t; --"), std::invalid_argument);
  CHECK_THROWS_AS(quote_operator("s.a"), std::invalid_argument);
}

#include <doctest/doctest.h>

#include "quote.hpp"

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

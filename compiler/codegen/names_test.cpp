#include "codegen/names.hpp"

#include <doctest/doctest.h>

using schemac::codegen::cpp_identifier;
using schemac::codegen::NameScope;

TEST_CASE("cpp_identifier: plain names stay as they are") {
  CHECK(cpp_identifier("bid_price") == "bid_price");
  CHECK(cpp_identifier("MyTable") == "MyTable");  // capitals kept: it reads like the SQL name
  CHECK(cpp_identifier("x1") == "x1");
}

TEST_CASE("cpp_identifier: hostile names become valid identifiers") {
  CHECK(cpp_identifier("class") == "class_");
  CHECK(cpp_identifier("and") == "and_");
  CHECK(cpp_identifier("errno") == "errno_");  // a macro, not a keyword
  CHECK(cpp_identifier("Order Lines") == "Order_Lines");
  CHECK(cpp_identifier("a  -  b") == "a_b");
  CHECK(cpp_identifier("1st") == "x1st");
  CHECK(cpp_identifier("_private") == "private_");  // leading underscore dropped, then a keyword
  CHECK(cpp_identifier("a__b") == "a_b");           // no double underscore: reserved
  CHECK(cpp_identifier("trailing_") == "trailing");
  CHECK(cpp_identifier("") == "x_");
  CHECK(cpp_identifier("!!!") == "x_");
  CHECK(cpp_identifier("café") == "caf_u00e9");
  CHECK(cpp_identifier("prix €") == "prix_u20ac");
  CHECK(cpp_identifier("日本") == "u65e5_u672c");
  CHECK(cpp_identifier("\xff") == "u00ff");  // a byte that is not UTF-8 still mangles
}

TEST_CASE("cpp_identifier: stable across calls") {
  for (const char* n : {"Order Lines", "class", "日本", "1st"}) CHECK(cpp_identifier(n) == cpp_identifier(n));
}

TEST_CASE("NameScope: collisions resolved in declaration order") {
  NameScope s({"insert", "Row"});
  CHECK(s.add("a b") == "a_b");
  CHECK(s.add("a_b") == "a_b_2");
  CHECK(s.add("a-b") == "a_b_3");
  CHECK(s.add("insert") == "insert_2");  // the generated code's own name wins
  CHECK(s.add("class") == "class_");
  CHECK(s.add("class_") == "class_2");   // never class__2
  CHECK(s.add("Row") == "Row_2");
}

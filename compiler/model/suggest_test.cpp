#include <doctest/doctest.h>

#include "model/suggest.hpp"

using namespace schemac;

TEST_CASE("suggest: edit distance and closest names") {
  CHECK(edit_distance("symbl_id", "symbol_id") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(closest_name("symbl_id", {"id", "symbol_id", "symbols"}) == "symbol_id");
  CHECK(closest_name("Symbol_ID", {"id", "symbol_id"}) == "symbol_id");
  CHECK(closest_name("ts", {"id"}) == "");
  CHECK(closest_name("y", {"x"}) == "");
  CHECK(closest_name("xy", {"x"}) == "x");
  CHECK(closest_name("completely_different", {"symbol_id"}) == "");
}

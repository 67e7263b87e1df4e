#include "check/query_text.hpp"

#include <doctest/doctest.h>

using schemac::numbered_params;

TEST_CASE("numbered_params: names numbered by first use, known names keep theirs") {
  std::vector<std::string> names;
  CHECK(numbered_params("a = :x and b > :y and c < :x", names) == "a = $1 and b > $2 and c < $1");
  CHECK(names == std::vector<std::string>{"x", "y"});
  std::vector<std::string> declared = {"y", "x"};
  CHECK(numbered_params("a = :x and b > :y", declared) == "a = $2 and b > $1");
  CHECK(declared.size() == 2);
}

TEST_CASE("numbered_params: quotes and casts are not parameters") {
  std::vector<std::string> names;
  CHECK(numbered_params("t = ':x' and u::text = :p::int and \"c:d\" = 1", names) ==
        "t = ':x' and u::text = $1::int and \"c:d\" = 1");
  CHECK(names == std::vector<std::string>{"p"});
}

TEST_CASE("numbered_params: a placeholder of the caller's") {
  std::vector<std::string> names = {"s"};
  CHECK(numbered_params("side = any(:s)", names, [](size_t k) { return "($" + std::to_string(k) + "::side[])"; }) ==
        "side = any(($1::side[]))");
}

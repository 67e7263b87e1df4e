// Parameter packing for PQexecPrepared: declared types from the C++ types, binary formats, NULLs as null pointers.
#include <doctest/doctest.h>

#include <cstring>
#include <optional>
#include <string>

#include "schemac/connection.hpp"

using namespace schemac::db;

TEST_CASE("params: types, values, lengths and formats as libpq takes them") {
  Params p;
  p.set(int64_t{1}, std::optional<std::string>{}, "lit", Decimal::parse("1.5"), std::optional<int16_t>{3});
  REQUIRE(p.size() == 5);
  CHECK(p.types() == std::vector<Oid>{oids::int8, oids::text, oids::text, oids::numeric, oids::int2});
  CHECK(p.values()[1] == nullptr);
  CHECK(p.lengths()[0] == 8);
  CHECK(std::memcmp(p.values()[0], "\0\0\0\0\0\0\0\1", 8) == 0);
  CHECK(std::string(p.values()[2], static_cast<size_t>(p.lengths()[2])) == "lit");
  CHECK(p.lengths()[3] == 12);  // numeric 1.5: 8-byte header, digits 0001 and 5000
  CHECK(p.lengths()[4] == 2);
  for (int i = 0; i < p.size(); ++i) CHECK(p.formats()[i] == 1);
  // Reused: a second set replaces everything.
  p.set(true);
  CHECK(p.size() == 1);
  CHECK(p.types() == std::vector<Oid>{oids::boolean});
  CHECK(p.values()[0][0] == 1);
}

TEST_CASE("params: a statement without a name gets one from its SQL") {
  CHECK(Statement("SELECT 1").name == Statement("SELECT 1").name);
  CHECK(Statement("SELECT 1").name != Statement("SELECT 2").name);
  CHECK(Statement("SELECT 1").name.rfind("schemac_", 0) == 0);
  CHECK(Statement("mine", "SELECT 1").name == "mine");
}

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

TEST_CASE("params: an empty value is empty, not NULL") {
  // libpq reads a null value pointer as SQL NULL, so even an empty buffer must hand out a real pointer.
  Params p;
  p.set(std::string());
  REQUIRE(p.size() == 1);
  CHECK(p.values()[0] != nullptr);
  CHECK(p.lengths()[0] == 0);
}

TEST_CASE("params: the byte buffer copies, moves and grows") {
  Buffer a;
  CHECK(a.data() != nullptr);
  for (int i = 0; i < 1000; ++i) a.put_u16(static_cast<uint16_t>(i));
  REQUIRE(a.size() == 2000);
  Buffer b = a;
  CHECK(b.view() == a.view());
  const Buffer c = std::move(a);
  CHECK(c.view() == b.view());
  CHECK(a.empty());
  a.put_u8(7);  // a moved-from buffer is empty and usable
  CHECK(a.str() == std::string(1, '\7'));
  b = c;
  CHECK(b.size() == 2000);
  CHECK(static_cast<uint8_t>(b.data()[1998]) == 999 >> 8);
  CHECK(static_cast<uint8_t>(b.data()[1999]) == (999 & 0xFF));
}

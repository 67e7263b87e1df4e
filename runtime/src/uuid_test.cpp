#include <doctest/doctest.h>

#include <stdexcept>

#include "schemac/uuid.hpp"

using schemac::db::Uuid;

TEST_CASE("uuid: the forms uuid_in reads, printed as the server prints them") {
  const char* canonical = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
  for (const char* text : {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                           "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                           "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}"}) {
    CAPTURE(text);
    REQUIRE(Uuid::try_parse(text).has_value());
    CHECK(Uuid::parse(text).to_string() == canonical);
  }
  CHECK(Uuid::parse(canonical).bytes[0] == 0xA0);
  CHECK(Uuid::parse(canonical).bytes[15] == 0x11);
  for (const char* bad : {"", "a0eebc99", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
                          "-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11",
                          "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                          "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-"}) {
    CAPTURE(bad);
    CHECK_FALSE(Uuid::try_parse(bad).has_value());
  }
  CHECK_THROWS_AS(Uuid::parse("nope"), std::invalid_argument);
}

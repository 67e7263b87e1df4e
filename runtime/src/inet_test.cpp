#include <doctest/doctest.h>

#include <stdexcept>

#include "schemac/inet.hpp"

using schemac::db::Inet;

TEST_CASE("inet: text forms and the /bits rules of inet and cidr output") {
  CHECK(Inet::parse("192.168.0.1").to_string() == "192.168.0.1");
  CHECK(Inet::parse("192.168.0.1").bits == 32);
  CHECK(Inet::parse("192.168.0.1/24").to_string() == "192.168.0.1/24");
  CHECK(Inet::parse("10.0.0.0/8", true).to_string() == "10.0.0.0/8");
  CHECK(Inet::parse("10.0.0.1/32", true).to_string() == "10.0.0.1/32");  // cidr always shows its bits
  CHECK(Inet::parse("::1").to_string() == "::1");
  CHECK(Inet::parse("::1").family == Inet::Family::v6);
  CHECK(Inet::parse("2001:DB8::/32").to_string() == "2001:db8::/32");
  CHECK(Inet::parse("::ffff:1.2.3.4").to_string() == "::ffff:1.2.3.4");
  for (const char* bad : {"", "1.2.3", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/x", "::1/129", "host", "1.2.3.4/8/8"}) {
    CAPTURE(bad);
    CHECK_FALSE(Inet::try_parse(bad).has_value());
  }
  CHECK_THROWS_AS(Inet::parse("nope"), std::invalid_argument);
}

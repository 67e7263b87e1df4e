// Decimal against the server's text forms and numeric_send's bytes, computed by hand from the format
// (int16 ndigits, int16 weight, uint16 sign, int16 dscale, base-10000 digits).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "schemac/decimal.hpp"

using schemac::db::Buffer;
using schemac::db::CodecError;
using schemac::db::Decimal;

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int v : b) s.push_back(static_cast<char>(v));
  return s;
}

std::string encode(const Decimal& d) {
  Buffer b;
  d.encode(b);
  return b.str();
}

Decimal decode(const std::string& s) { return Decimal::decode(s.data(), static_cast<int>(s.size())); }

}  // namespace

TEST_CASE("decimal: text round trips keep every digit and the display scale") {
  for (const char* text : {"0", "0.00", "1", "-1", "123.4500", "-123.4500", "0.000005", "10000", "64231.12345678",
                           "12345678901234567890.1234567890", "-99999999999999999999999999999999999.99999",
                           "0.1000000000000000000000000000000000001"}) {
    CAPTURE(text);
    CHECK(Decimal::parse(text).to_string() == text);
  }
  CHECK(Decimal::parse("NaN").to_string() == "NaN");
  CHECK(Decimal::parse("nan").is_nan());
  CHECK(Decimal::parse("Infinity").to_string() == "Infinity");
  CHECK(Decimal::parse("-inf").to_string() == "-Infinity");
  CHECK(Decimal::parse("+INFINITY").kind() == Decimal::Kind::pos_infinity);
}

TEST_CASE("decimal: input normalises as numeric_in does") {
  CHECK(Decimal::parse("  007.50 ").to_string() == "7.50");
  CHECK(Decimal::parse("-0.00").to_string() == "0.00");  // no negative zero
  CHECK_FALSE(Decimal::parse("-0").is_negative());
  CHECK(Decimal::parse(".5").to_string() == "0.5");
  CHECK(Decimal::parse("5.").to_string() == "5");
  CHECK(Decimal::parse("+12").to_string() == "12");
  CHECK(Decimal::parse("1.5e3").to_string() == "1500");
  CHECK(Decimal::parse("1.5E-3").to_string() == "0.0015");
  CHECK(Decimal::parse("1.50e1").to_string() == "15.0");
  CHECK(Decimal::parse("12.345").scale() == 3);
  CHECK(Decimal::parse("12.345").unscaled_digits() == "12345");
  CHECK(Decimal(int64_t{-9223372036854775807LL - 1}).to_string() == "-9223372036854775808");
  CHECK(Decimal(int64_t{0}).is_zero());
  for (const char* bad : {"", " ", "-", ".", "1.2.3", "1e", "1e+", "abc", "1x", "--1", "1 2", "e5", "Infinityx"}) {
    CAPTURE(bad);
    CHECK_FALSE(Decimal::try_parse(bad).has_value());
  }
  CHECK_THROWS_AS(Decimal::parse("12a"), std::invalid_argument);
  CHECK_THROWS_WITH(Decimal::parse("12a"), doctest::Contains("\"12a\""));
}

TEST_CASE("decimal: compares by value, with PostgreSQL's order of the special values") {
  CHECK(Decimal::parse("1.5") == Decimal::parse("1.500"));
  CHECK(Decimal::parse("0") == Decimal::parse("0.000"));
  CHECK(Decimal::parse("1.49") < Decimal::parse("1.5"));
  CHECK(Decimal::parse("-1.5") < Decimal::parse("-1.49"));
  CHECK(Decimal::parse("-0.001") < Decimal::parse("0"));
  CHECK(Decimal::parse("99.9") < Decimal::parse("100"));
  CHECK(Decimal::parse("0.0099") < Decimal::parse("0.01"));
  CHECK(Decimal::parse("100000000000000000000000000000") > Decimal::parse("99999999999999999999999999999.9999"));
  CHECK(Decimal::infinity(true) < Decimal::parse("-1e300"));
  CHECK(Decimal::parse("1e300") < Decimal::infinity());
  CHECK(Decimal::infinity() < Decimal::nan());
  CHECK(Decimal::nan() == Decimal::nan());
  CHECK(Decimal::nan() != Decimal::parse("0"));
}

TEST_CASE("decimal: to_double only when asked, correctly rounded") {
  CHECK(Decimal::parse("0.1").to_double() == 0.1);
  CHECK(Decimal::parse("-64231.12345678").to_double() == -64231.12345678);
  CHECK(std::isnan(Decimal::nan().to_double()));
  CHECK(Decimal::infinity(true).to_double() == -INFINITY);
  CHECK(Decimal::parse("1e400").to_double() == INFINITY);
  CHECK(Decimal::parse("-1e-400").to_double() == 0.0);
}

TEST_CASE("decimal: binary encoding is numeric_send's, byte for byte") {
  struct Case {
    const char* text;
    std::string wire;
  };
  const std::vector<Case> cases = {
      {"0", bytes({0, 0, 0, 0, 0, 0, 0, 0})},
      {"0.00", bytes({0, 0, 0, 0, 0, 0, 0, 2})},
      {"1", bytes({0, 1, 0, 0, 0, 0, 0, 0, 0, 1})},
      // 123.4500: groups 0123 | 4500, weight 0, negative, dscale 4
      {"-123.4500", bytes({0, 2, 0, 0, 0x40, 0, 0, 4, 0x00, 0x7B, 0x11, 0x94})},
      // 10000: groups 0001 0000, the trailing zero group stripped, weight 1
      {"10000", bytes({0, 1, 0, 1, 0, 0, 0, 0, 0, 1})},
      // 0.000005: 0.0000 0500, the leading zero group stripped, weight -2
      {"0.000005", bytes({0, 1, 0xFF, 0xFE, 0, 0, 0, 6, 0x01, 0xF4})},
      // 30 digits: 1234 5678 9012 3456 7890 . 1234 5678 9000, weight 4, dscale 10
      {"12345678901234567890.1234567890",
       bytes({0, 8, 0, 4, 0, 0, 0, 10, 0x04, 0xD2, 0x16, 0x2E, 0x23, 0x34, 0x0D, 0x80, 0x1E, 0xD2, 0x04, 0xD2, 0x16,
              0x2E, 0x23, 0x28})},
      {"NaN", bytes({0, 0, 0, 0, 0xC0, 0, 0, 0})},
      // dscale 32 for the infinities, as numeric_send writes it (see decimal.cpp).
      {"Infinity", bytes({0, 0, 0, 0, 0xD0, 0, 0, 0x20})},
      {"-Infinity", bytes({0, 0, 0, 0, 0xF0, 0, 0, 0x20})},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(encode(Decimal::parse(c.text)) == c.wire);
    CHECK(decode(c.wire).to_string() == c.text);
  }
}

TEST_CASE("decimal: decoding accepts what numeric_recv accepts and refuses the rest") {
  // Unstripped leading zero group: 0000 0005 with weight 1 is 5.
  CHECK(decode(bytes({0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 5})).to_string() == "5");
  // Digits hidden by dscale are cut: 0.1234 shown with dscale 2.
  CHECK(decode(bytes({0, 1, 0xFF, 0xFF, 0, 0, 0, 2, 0x04, 0xD2})).to_string() == "0.12");
  // Fewer fraction digits than dscale: zeros.
  CHECK(decode(bytes({0, 1, 0, 0, 0, 0, 0, 3, 0, 7})).to_string() == "7.000");
  // Negative zero from a server is plain zero.
  CHECK_FALSE(decode(bytes({0, 0, 0, 0, 0x40, 0, 0, 1})).is_negative());
  // Any dscale on a special value is ignored, as numeric_recv does.
  CHECK(decode(bytes({0, 0, 0, 0, 0xD0, 0, 0, 0})).kind() == Decimal::Kind::pos_infinity);
  CHECK_THROWS_AS(decode(bytes({0, 1, 0, 0, 0, 0})), CodecError);                     // short header
  CHECK_THROWS_AS(decode(bytes({0, 1, 0, 0, 0, 0, 0, 0})), CodecError);               // digit missing
  CHECK_THROWS_AS(decode(bytes({0, 1, 0, 0, 0, 0, 0, 0, 0x27, 0x10})), CodecError);   // digit 10000
  CHECK_THROWS_AS(decode(bytes({0, 0, 0, 0, 0x80, 0, 0, 0})), CodecError);            // sign 0x8000
  CHECK_THROWS_AS(decode(bytes({0, 0, 0, 0, 0, 0, 0x40, 0})), CodecError);            // dscale beyond 0x3FFF
  CHECK_THROWS_AS(decode(bytes({0, 0, 0, 0, 0, 0, 0, 0, 0})), CodecError);            // trailing byte
}

TEST_CASE("decimal: many values survive encode then decode") {
  // Every placement of the decimal point around group boundaries, both signs.
  const std::string digits = "1234567890123456789012345678901234567";
  for (size_t len = 1; len <= digits.size(); len += 3) {
    for (size_t scale = 0; scale <= len + 5; ++scale) {
      for (const char* sign : {"", "-"}) {
        std::string text = std::string(sign);
        const std::string d = digits.substr(0, len);
        if (scale >= len)
          text += "0." + std::string(scale - len, '0') + d;
        else
          text += d.substr(0, len - scale) + (scale ? "." + d.substr(len - scale) : "");
        CAPTURE(text);
        REQUIRE(Decimal::parse(text).to_string() == text);
        CHECK(decode(encode(Decimal::parse(text))).to_string() == text);
      }
    }
  }
}

TEST_CASE("decimal: values of up to 16 digits encode as the same groups as longer ones") {
  // Short values take encode's fast path, long ones the general one. Zeros appended to the fraction make a value
  // long without changing its groups (trailing zero groups are stripped): only dscale, the last header field,
  // may differ.
  const std::vector<std::string> shorts = {"1", "9999", "10000", "0.5", "0.0001", "0.000005", "64231.10000000",
                                           "-0.00000021", "1234567890123456", "-123456789012.3456", "100000000",
                                           "0.0000000000000001", "5e-40", "7e12", "98765.4321"};
  for (const std::string& text : shorts) {
    CAPTURE(text);
    const Decimal small = Decimal::parse(text);
    REQUIRE(small.unscaled_digits().size() <= 16);
    const std::string padded = small.to_string() + (small.scale() == 0 ? "." : "") + std::string(20, '0');
    const Decimal big = Decimal::parse(padded);
    REQUIRE(big.unscaled_digits().size() > 16);
    const std::string a = encode(small), b = encode(big);
    REQUIRE(a.size() == b.size());
    CHECK(a.substr(0, 6) == b.substr(0, 6));
    CHECK(a.substr(8) == b.substr(8));
    CHECK(decode(a) == small);
  }
}

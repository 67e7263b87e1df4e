// Every codec against the bytes the server's send functions write (boolsend, int2send ... array_send), computed
// from the formats by hand, and decoding back; plus the malformed values each decoder must refuse.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "schemac/codec.hpp"

using namespace schemac::db;
using namespace std::chrono;

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int v : b) s.push_back(static_cast<char>(v));
  return s;
}

template <class T>
std::string enc(const T& v) {
  Buffer b;
  Codec<T>::encode(v, b);
  return b.str();
}

template <class T>
T dec(const std::string& s) {
  return Codec<T>::decode(s.data(), static_cast<int>(s.size()));
}

// Encodes, compares with the expected wire bytes, decodes them back and compares with the value.
template <class T>
void round_trip(const T& v, const std::string& wire) {
  CHECK(enc(v) == wire);
  CHECK(dec<T>(wire) == v);
}

}  // namespace

TEST_CASE("codec: bool, integers and floats are big-endian fixed-size values") {
  round_trip(true, bytes({1}));
  round_trip(false, bytes({0}));
  CHECK(dec<bool>(bytes({7})));  // boolrecv: any non-zero byte
  round_trip(int16_t{-2}, bytes({0xFF, 0xFE}));
  round_trip(int16_t{0x1234}, bytes({0x12, 0x34}));
  round_trip(int32_t{0x01020304}, bytes({1, 2, 3, 4}));
  round_trip(int32_t{-1}, bytes({0xFF, 0xFF, 0xFF, 0xFF}));
  round_trip(std::numeric_limits<int64_t>::min(), bytes({0x80, 0, 0, 0, 0, 0, 0, 0}));
  round_trip(int64_t{0x0102030405060708}, bytes({1, 2, 3, 4, 5, 6, 7, 8}));
  round_trip(1.5f, bytes({0x3F, 0xC0, 0, 0}));
  round_trip(-2.0, bytes({0xC0, 0, 0, 0, 0, 0, 0, 0}));
  round_trip(0.1, bytes({0x3F, 0xB9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A}));
  CHECK(std::isnan(dec<double>(enc(std::numeric_limits<double>::quiet_NaN()))));
  CHECK(dec<double>(enc(-std::numeric_limits<double>::infinity())) == -INFINITY);
  // A value of another width is the wrong type, not a short read.
  CHECK_THROWS_AS(dec<int32_t>(bytes({0, 0, 0, 0, 0, 0, 0, 1})), CodecError);
  CHECK_THROWS_AS(dec<int64_t>(bytes({0, 0, 0, 1})), CodecError);
  CHECK_THROWS_AS(dec<int16_t>(bytes({0})), CodecError);
}

TEST_CASE("codec: text, bytea, json and jsonb") {
  round_trip(std::string("h\xC3\xA9llo \xF0\x9F\x9A\x80"), "h\xC3\xA9llo \xF0\x9F\x9A\x80");
  round_trip(std::string(), "");
  CHECK(enc(std::string_view("abc")) == "abc");
  round_trip(Bytes{std::byte{0}, std::byte{0xFF}, std::byte{0}}, bytes({0, 0xFF, 0}));
  round_trip(Bytes{}, "");
  round_trip(Json{"{\"a\": 1}"}, "{\"a\": 1}");
  round_trip(Jsonb{"{\"a\": 1}"}, bytes({1}) + "{\"a\": 1}");
  CHECK_THROWS_AS(dec<Jsonb>(bytes({2}) + "{}"), CodecError);  // unknown jsonb version
  CHECK_THROWS_AS(dec<Jsonb>(""), CodecError);
  CHECK(Codec<std::string>::accepts(oids::varchar));
  CHECK(Codec<std::string>::accepts(oids::bpchar));
  CHECK_FALSE(Codec<std::string>::accepts(oids::int4));
}

TEST_CASE("codec: uuid is its 16 bytes") {
  const Uuid u = Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  round_trip(u, bytes({0xA0, 0xEE, 0xBC, 0x99, 0x9C, 0x0B, 0x4E, 0xF8, 0xBB, 0x6D, 0x6B, 0xB9, 0xBD, 0x38, 0x0A, 0x11}));
  CHECK_THROWS_AS(dec<Uuid>(bytes({1, 2, 3})), CodecError);
}

TEST_CASE("codec: timestamps count microseconds from 2000-01-01, before and after it and past 2038") {
  const Timestamptz y2000 = sys_days{year{2000} / 1 / 1};
  round_trip(y2000, bytes({0, 0, 0, 0, 0, 0, 0, 0}));
  round_trip(Timestamptz{}, bytes({0xFF, 0xFC, 0xA2, 0xFE, 0xC4, 0xC8, 0x20, 0x00}));  // 1970-01-01
  round_trip(Timestamptz{seconds{2147483648LL}}, bytes({0x00, 0x04, 0x44, 0x1E, 0xC4, 0xC8, 0x20, 0x00}));
  const Timestamptz y1900 = Timestamptz{sys_days{year{1900} / 1 / 1}} + microseconds{1};
  round_trip(y1900, bytes({0xFF, 0xF4, 0xC9, 0xEE, 0x7C, 0x0B, 0x80, 0x01}));
  round_trip(Timestamptz::max(), bytes({0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}));  // infinity
  round_trip(Timestamptz::min(), bytes({0x80, 0, 0, 0, 0, 0, 0, 0}));                      // -infinity
  // timestamp without time zone: the same count, read as a local wall-clock time.
  round_trip(Timestamp{microseconds{0}}, bytes({0xFF, 0xFC, 0xA2, 0xFE, 0xC4, 0xC8, 0x20, 0x00}));
  // Out of the server's range: refused rather than wrapped.
  CHECK_THROWS_AS(enc(Timestamptz::min() + microseconds{1}), CodecError);
  // A far-future server timestamp past int64 microseconds since 1970.
  CHECK_THROWS_AS(dec<Timestamptz>(bytes({0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00})), CodecError);
}

TEST_CASE("codec: date, time and interval") {
  round_trip(Date{year{2000} / 1 / 1}, bytes({0, 0, 0, 0}));
  round_trip(Date{year{1999} / 12 / 31}, bytes({0xFF, 0xFF, 0xFF, 0xFF}));
  round_trip(Date{year{2050} / 6 / 15}, bytes({0x00, 0x00, 0x47, 0xFC}));  // 18428 days
  round_trip(Date::max(), bytes({0x7F, 0xFF, 0xFF, 0xFF}));
  round_trip(Date::min(), bytes({0x80, 0, 0, 0}));
  round_trip(Time{hours{12} + minutes{34} + seconds{56} + milliseconds{789}},
             bytes({0x00, 0x00, 0x00, 0x0A, 0x8B, 0xE6, 0x26, 0x08}));
  // -1 mon -2 days -00:00:03: microseconds, then days, then months.
  round_trip(Interval{-1, -2, -3'000'000}, bytes({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xD2, 0x39, 0x40, 0xFF, 0xFF, 0xFF,
                                                 0xFE, 0xFF, 0xFF, 0xFF, 0xFF}));
  CHECK_THROWS_AS(dec<Interval>(bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})), CodecError);
}

TEST_CASE("codec: inet and cidr as inet_send writes them") {
  round_trip(Inet::parse("192.168.0.1/24"), bytes({2, 24, 0, 4, 192, 168, 0, 1}));
  round_trip(Inet::parse("10.0.0.0/8", true), bytes({2, 8, 1, 4, 10, 0, 0, 0}));
  round_trip(Inet::parse("::1"), bytes({3, 128, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
  CHECK_THROWS_AS(dec<Inet>(bytes({2, 33, 0, 4, 1, 2, 3, 4})), CodecError);  // 33 bits of IPv4
  CHECK_THROWS_AS(dec<Inet>(bytes({2, 32, 0, 16, 1, 2, 3, 4})), CodecError);  // IPv4 with 16 bytes
  CHECK_THROWS_AS(dec<Inet>(bytes({9, 32, 0, 4, 1, 2, 3, 4})), CodecError);   // unknown family
}

TEST_CASE("codec: 1-D arrays with NULL elements, and the empty array") {
  // int4[] {1,NULL,3}: ndim 1, has-nulls 1, element OID 23, size 3, lower bound 1, then the elements.
  round_trip(std::vector<std::optional<int32_t>>{1, std::nullopt, 3},
             bytes({0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 23, 0, 0, 0, 3, 0, 0, 0, 1,  //
                    0, 0, 0, 4, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 4, 0, 0, 0, 3}));
  // The empty array has no dimensions.
  round_trip(std::vector<int32_t>{}, bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 23}));
  // text[] {"a","bc"}
  round_trip(std::vector<std::string>{"a", "bc"}, bytes({0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 25, 0, 0, 0, 2, 0, 0, 0, 1,
                                                         0, 0, 0, 1, 'a', 0, 0, 0, 2, 'b', 'c'}));
  CHECK(Codec<std::vector<std::string>>::oid == oids::text_array);
  CHECK(Codec<std::vector<Decimal>>::oid == oids::numeric_array);
  // A NULL element needs std::optional; another element type is refused.
  const std::string with_null = enc(std::vector<std::optional<int32_t>>{std::nullopt});
  CHECK_THROWS_WITH_AS(dec<std::vector<int32_t>>(with_null), doctest::Contains("std::optional"), CodecError);
  CHECK_THROWS_AS(dec<std::vector<int64_t>>(enc(std::vector<int32_t>{1})), CodecError);
  // Arrays of every other element type go through the same framing.
  const std::vector<Decimal> prices = {Decimal::parse("1.50"), Decimal::nan()};
  CHECK(dec<std::vector<Decimal>>(enc(prices)) == prices);
  const std::vector<Interval> spans = {{1, 2, 3}, {-1, 0, -5}};
  CHECK(dec<std::vector<Interval>>(enc(spans)) == spans);
}

TEST_CASE("codec: N-D arrays keep dimensions and lower bounds") {
  // int2[][] {{1,2},{3,4}}
  const Array<int16_t> a{{2, 2}, {}, {1, 2, 3, 4}};
  round_trip(a, bytes({0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 21, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1,  //
                       0, 0, 0, 2, 0, 1, 0, 0, 0, 2, 0, 2, 0, 0, 0, 2, 0, 3, 0, 0, 0, 2, 0, 4}));
  // '[0:1]={7,8}'::int4[]: lower bound 0.
  const Array<int32_t> zero_based{{2}, {0}, {7, 8}};
  round_trip(zero_based, bytes({0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 23, 0, 0, 0, 2, 0, 0, 0, 0,  //
                                0, 0, 0, 4, 0, 0, 0, 7, 0, 0, 0, 4, 0, 0, 0, 8}));
  const Array<std::optional<std::string>> texts{{1, 2, 1}, {}, {std::string("x"), std::nullopt}};
  CHECK(dec<Array<std::optional<std::string>>>(enc(texts)) == texts);
  CHECK_THROWS_WITH_AS(dec<std::vector<int16_t>>(enc(a)), doctest::Contains("Array"), CodecError);
  CHECK_THROWS_AS(enc(Array<int32_t>{{2, 2}, {}, {1, 2, 3}}), CodecError);  // 3 elements for 2x2
  CHECK_THROWS_AS(enc(Array<int32_t>{{1, 1, 1, 1, 1, 1, 1}, {}, {1}}), CodecError);  // 7 dimensions
}

TEST_CASE("codec: malformed arrays are refused") {
  auto hdr = [](int ndim, int flags, int oid) {
    return bytes({0, 0, 0, ndim, 0, 0, 0, flags, 0, 0, 0, oid});
  };
  CHECK_THROWS_AS(dec<std::vector<int32_t>>(hdr(7, 0, 23)), CodecError);          // too many dimensions
  CHECK_THROWS_AS(dec<std::vector<int32_t>>(hdr(0, 2, 23)), CodecError);          // unknown flag
  CHECK_THROWS_AS(dec<std::vector<int32_t>>(hdr(1, 0, 23) + bytes({0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1})),
                  CodecError);  // two elements announced, one present
  CHECK_THROWS_AS(dec<std::vector<int32_t>>(hdr(1, 0, 23) + bytes({0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1})),
                  CodecError);  // a huge count is refused before allocating
  CHECK_THROWS_AS(dec<std::vector<int32_t>>(hdr(0, 0, 23) + bytes({0})), CodecError);  // trailing byte
}

namespace demo {
enum class Side { buy, sell };
std::string_view to_string(Side s) { return s == Side::buy ? "buy" : "sell"; }
bool from_string(std::string_view t, Side& s) {
  if (t == "buy") s = Side::buy;
  else if (t == "sell") s = Side::sell;
  else return false;
  return true;
}
}  // namespace demo
template <>
struct schemac::db::Codec<demo::Side> : schemac::db::EnumCodec<demo::Side> {};

TEST_CASE("codec: an enum is its label; an array of labels is sent as text[]") {
  round_trip(demo::Side::sell, "sell");
  CHECK_THROWS_WITH_AS(dec<demo::Side>("hold"), doctest::Contains("hold"), CodecError);
  CHECK(Codec<demo::Side>::oid == 0);
  const std::string wire = enc(std::vector<demo::Side>{demo::Side::buy});
  CHECK(wire == bytes({0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 25, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 3, 'b', 'u', 'y'}));
  // A server's enum array carries the enum's own OID, which is accepted.
  std::string from_server = wire;
  from_server[10] = 0x40;  // element OID 16409
  from_server[11] = 0x19;
  CHECK(dec<std::vector<demo::Side>>(from_server) == std::vector<demo::Side>{demo::Side::buy});
}

TEST_CASE("codec: put_field frames values for arrays and COPY") {
  Buffer b;
  put_field(b, std::optional<int16_t>{});
  put_field(b, std::optional<int16_t>{5});
  put_field(b, "hi");
  CHECK(b.str() == bytes({0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2, 0, 5, 0, 0, 0, 2, 'h', 'i'}));
}

// The runtime's codecs against real servers (PostgreSQL 15 and TimescaleDB on 17): every supported type written
// through a prepared INSERT, a pipeline and binary COPY into one table, read back with a binary SELECT, and the
// bytes the runtime encodes compared with the bytes the server itself sends for the same value.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "schemac/connection.hpp"
#include "schemac/copy.hpp"
#include "schemac/pipeline.hpp"
#include "testdb.hpp"

using namespace schemac::db;
using namespace std::chrono;
using schemac::test::Server;
using schemac::test::TestDb;

namespace rt_live {
enum class Side { buy, sell };
std::string_view to_string(Side s) { return s == Side::buy ? "buy" : "sell"; }
bool from_string(std::string_view t, Side& s) {
  if (t == "buy") s = Side::buy;
  else if (t == "sell") s = Side::sell;
  else return false;
  return true;
}
}  // namespace rt_live
template <>
struct schemac::db::Codec<rt_live::Side> : schemac::db::EnumCodec<rt_live::Side> {};
using rt_live::Side;

namespace {

template <class T>
using opt = std::optional<T>;

// One row of the table, every column nullable.
struct AllTypes {
  int32_t id = 0;
  opt<bool> b;
  opt<int16_t> i2;
  opt<int32_t> i4;
  opt<int64_t> i8;
  opt<float> f4;
  opt<double> f8;
  opt<std::string> t, vc, ch;
  opt<Bytes> by;
  opt<Uuid> u;
  opt<Json> j;
  opt<Jsonb> jb;
  opt<Decimal> n, n208;
  opt<Timestamptz> ts;
  opt<Timestamp> tsn;
  opt<Date> d;
  opt<Time> tm;
  opt<Interval> iv;
  opt<Inet> ip, cn;
  opt<Side> e;
  opt<std::vector<opt<int32_t>>> a_i4;
  opt<std::vector<opt<std::string>>> a_t;
  opt<std::vector<Decimal>> a_n;
  opt<std::vector<Timestamptz>> a_ts;
  opt<Array<int32_t>> a_2d;
  opt<std::vector<Side>> a_e;
  opt<std::vector<Uuid>> a_u;
  opt<std::vector<opt<Bytes>>> a_by;
  opt<std::vector<Interval>> a_iv;
  opt<std::vector<Date>> a_d;
  opt<std::vector<bool>> a_b;
  opt<std::vector<double>> a_f8;
  opt<std::vector<Inet>> a_ip;
  opt<std::vector<Jsonb>> a_jb;

  // Every column in table order, for binding and for reading back.
  template <class F>
  auto fields(F&& f) const {
    return f(id, b, i2, i4, i8, f4, f8, t, vc, ch, by, u, j, jb, n, n208, ts, tsn, d, tm, iv, ip, cn, e, a_i4, a_t,
             a_n, a_ts, a_2d, a_e, a_u, a_by, a_iv, a_d, a_b, a_f8, a_ip, a_jb);
  }
  template <class F>
  void fields_mut(F&& f) {
    f(id, b, i2, i4, i8, f4, f8, t, vc, ch, by, u, j, jb, n, n208, ts, tsn, d, tm, iv, ip, cn, e, a_i4, a_t, a_n,
      a_ts, a_2d, a_e, a_u, a_by, a_iv, a_d, a_b, a_f8, a_ip, a_jb);
  }
  friend bool operator==(const AllTypes&, const AllTypes&) = default;
};

constexpr int kColumns = 38;
constexpr int kEnumArrayColumn = 29;  // a_e, 0-based

const char* kCreate = R"sql(
CREATE TYPE side AS ENUM ('buy', 'sell');
CREATE TABLE all_types (
  id int PRIMARY KEY, b bool, i2 smallint, i4 int, i8 bigint, f4 real, f8 double precision,
  t text, vc varchar(40), ch char(5), by bytea, u uuid, j json, jb jsonb, n numeric, n208 numeric(20,8),
  ts timestamptz, tsn timestamp, d date, tm time, iv interval, ip inet, cn cidr, e side,
  a_i4 int[], a_t text[], a_n numeric[], a_ts timestamptz[], a_2d int[], a_e side[], a_u uuid[], a_by bytea[],
  a_iv interval[], a_d date[], a_b bool[], a_f8 float8[], a_ip inet[], a_jb jsonb[]
);
)sql";

// An INSERT of every column; the enum array goes as text[] and is cast (its OID differs per database).
Statement insert_statement() {
  std::string sql = "INSERT INTO all_types VALUES (";
  for (int i = 1; i <= kColumns; ++i) {
    sql += (i > 1 ? ", $" : "$") + std::to_string(i);
    if (i - 1 == kEnumArrayColumn) sql += "::side[]";
  }
  return Statement("rt_insert_all_types", sql + ")");
}

Bytes bytes_of(std::initializer_list<int> v) {
  Bytes out;
  for (int x : v) out.push_back(static_cast<std::byte>(x));
  return out;
}

Timestamptz utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0, int us = 0) {
  return Timestamptz{sys_days{year{y} / mo / d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}

// Three kinds of row: everything NULL, ordinary values, and the extremes.
std::vector<AllTypes> sample_rows(int base_id) {
  AllTypes nulls;
  nulls.id = base_id;

  AllTypes plain;
  plain.id = base_id + 1;
  plain.b = true;
  plain.i2 = 12;
  plain.i4 = 123456;
  plain.i8 = 1234567890123LL;
  plain.f4 = 1.5f;
  plain.f8 = 64231.125;
  plain.t = "hello";
  plain.vc = "varying";
  plain.ch = "ab   ";  // char(5) pads with spaces, and sends them
  plain.by = bytes_of({1, 2, 3});
  plain.u = Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  plain.j = Json{"{\"k\":  [1, 2]}"};  // json keeps its text as written
  plain.jb = Jsonb{"{\"a\": 1, \"b\": [true, null]}"};
  plain.n = Decimal::parse("64231.12345678");
  plain.n208 = Decimal::parse("64231.12345678");
  plain.ts = utc(2024, 3, 1, 12, 30, 45, 123456);
  plain.tsn = Timestamp{utc(2024, 3, 1, 12, 30, 45).time_since_epoch()};
  plain.d = Date{year{2024} / 2 / 29};
  plain.tm = hours{9} + minutes{30};
  plain.iv = Interval{1, 2, 3'000'000};
  plain.ip = Inet::parse("192.168.1.10/24");
  plain.cn = Inet::parse("10.1.0.0/16", true);
  plain.e = Side::sell;
  plain.a_i4 = std::vector<opt<int32_t>>{1, 2, 3};
  plain.a_t = std::vector<opt<std::string>>{"x", "y"};
  plain.a_n = std::vector<Decimal>{Decimal::parse("1.10"), Decimal::parse("-2")};
  plain.a_ts = std::vector<Timestamptz>{utc(2020, 1, 1)};
  plain.a_2d = Array<int32_t>{{2}, {}, {5, 6}};
  plain.a_e = std::vector<Side>{Side::buy, Side::sell};
  plain.a_u = std::vector<Uuid>{Uuid::parse("00000000-0000-0000-0000-000000000001")};
  plain.a_by = std::vector<opt<Bytes>>{bytes_of({0xAB})};
  plain.a_iv = std::vector<Interval>{{0, 1, 0}};
  plain.a_d = std::vector<Date>{Date{year{2000} / 1 / 1}};
  plain.a_b = std::vector<bool>{true, false};
  plain.a_f8 = std::vector<double>{0.25, -1e300};
  plain.a_ip = std::vector<Inet>{Inet::parse("::1")};
  plain.a_jb = std::vector<Jsonb>{Jsonb{"[1, 2]"}};

  AllTypes x;
  x.id = base_id + 2;
  x.b = false;
  x.i2 = std::numeric_limits<int16_t>::min();
  x.i4 = std::numeric_limits<int32_t>::min();
  x.i8 = std::numeric_limits<int64_t>::max();
  x.f4 = -std::numeric_limits<float>::infinity();
  x.f8 = std::numeric_limits<double>::denorm_min();
  x.t = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x9A\x80 \xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1";  // 日本語 🚀 Ωμέγα
  x.vc = "";
  x.ch = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";  // five characters, ten bytes
  x.by = bytes_of({0, 0, 1, 0, 255, 0});
  x.u = Uuid::parse("ffffffff-ffff-ffff-ffff-ffffffffffff");
  x.j = Json{"\"\\u00e9\""};
  x.jb = Jsonb{"{}"};
  x.n = Decimal::parse("-123456789012345678901234567890.123456789012345678");  // 48 digits
  x.n208 = Decimal::parse("-999999999999.99999999");
  x.ts = utc(1969, 7, 20, 20, 17, 40);  // before 2000 and before 1970
  x.tsn = Timestamp{utc(2100, 12, 31, 23, 59, 59, 999999).time_since_epoch()};  // after 2038
  x.d = Date{year{1900} / 1 / 1};
  x.tm = hours{23} + minutes{59} + seconds{59} + microseconds{999999};
  x.iv = Interval{-14, -3, -3'723'000'001};  // -1 year -2 mons -3 days -01:02:03.000001
  x.ip = Inet::parse("2001:db8::1/64");
  x.cn = Inet::parse("2001:db8::/32", true);
  x.e = Side::buy;
  x.a_i4 = std::vector<opt<int32_t>>{std::nullopt, 7, std::nullopt};  // NULL elements
  x.a_t = std::vector<opt<std::string>>{};                             // empty
  x.a_n = std::vector<Decimal>{Decimal::nan(), Decimal::infinity(), Decimal::infinity(true),
                               Decimal::parse("0.000000000000000000000000000001")};
  x.a_ts = std::vector<Timestamptz>{Timestamptz::min(), utc(2500, 1, 1), Timestamptz::max()};
  x.a_2d = Array<int32_t>{{2, 3}, {}, {1, 2, 3, 4, 5, 6}};  // 2-D
  x.a_e = std::vector<Side>{};
  x.a_u = std::vector<Uuid>{};
  x.a_by = std::vector<opt<Bytes>>{Bytes{}, std::nullopt, bytes_of({0, 0})};
  x.a_iv = std::vector<Interval>{{-1, -1, -1}};
  x.a_d = std::vector<Date>{Date::min(), Date{year{1999} / 12 / 31}, Date::max()};
  x.a_b = std::vector<bool>{};
  x.a_f8 = std::vector<double>{std::numeric_limits<double>::infinity()};
  x.a_ip = std::vector<Inet>{Inet::parse("0.0.0.0/0"), Inet::parse("::ffff:1.2.3.4")};
  x.a_jb = std::vector<Jsonb>{Jsonb{"null"}, Jsonb{"\"\xF0\x9F\x9A\x80\""}};
  // A numeric NaN and infinity in the scalar column are covered by the array; the special scalar gets a row.
  AllTypes special;
  special.id = base_id + 3;
  special.n = Decimal::nan();
  special.n208 = Decimal::parse("0.00000001");
  special.ts = Timestamptz::max();
  special.d = Date::min();
  special.f8 = -0.0;
  return {nulls, plain, x, special};
}

std::vector<AllTypes> read_back(Connection& conn, int from, int to) {
  static const Statement select{"rt_select_all_types", "SELECT * FROM all_types WHERE id BETWEEN $1 AND $2 ORDER BY id"};
  const Result r = conn.exec(select, from, to);
  REQUIRE(r.columns() == kColumns);
  std::vector<AllTypes> out(static_cast<size_t>(r.rows()));
  for (int row = 0; row < r.rows(); ++row) {
    out[static_cast<size_t>(row)].fields_mut([&](auto&... cols) {
      int c = 0;
      ((cols = r.get<std::remove_reference_t<decltype(cols)>>(row, c++)), ...);
    });
  }
  return out;
}

void check_rows(const std::vector<AllTypes>& got, const std::vector<AllTypes>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(want[i].id);
    // Field by field, so a failure names the column.
    int c = 0;
    auto same = [&](const auto& g, const auto& w) {
      CHECK_MESSAGE(g == w, "column " << c);
      ++c;
    };
    got[i].fields([&](const auto&... g) {
      return want[i].fields([&](const auto&... w) {
        (same(g, w), ...);
        return 0;
      });
    });
    CHECK(got[i] == want[i]);
  }
}

void round_trip_every_type(Server server) {
  TestDb db(server);
  db.exec(kCreate);
  Connection conn(db.url());
  const Statement insert = insert_statement();

  // 1. Prepared INSERT, one row per call.
  const auto by_insert = sample_rows(100);
  for (const auto& row : by_insert) {
    const Result r = row.fields([&](const auto&... v) { return conn.exec(insert, v...); });
    CHECK(r.affected() == 1);
  }
  check_rows(read_back(conn, 100, 199), by_insert);

  // 2. Pipeline mode (sync every 2, so both the automatic and the final sync run).
  const auto by_pipeline = sample_rows(200);
  {
    Pipeline p(conn, 2);
    for (const auto& row : by_pipeline) row.fields([&](const auto&... v) { p.send(insert, v...); return 0; });
    CHECK(p.finish() == static_cast<int64_t>(by_pipeline.size()));
  }
  check_rows(read_back(conn, 200, 299), by_pipeline);

  // 3. Binary COPY; the enum array needs the enum's own OID in its header.
  const Oid side_oid = conn.type_oid("side");
  CHECK(side_oid >= oids::first_user_oid);
  const auto by_copy = sample_rows(300);
  {
    CopyWriter copy(conn, "COPY all_types FROM STDIN (FORMAT binary)", 64);  // tiny buffer: many flushes
    for (const auto& row : by_copy) {
      copy.begin_row(kColumns);
      row.fields([&](const auto&... v) {
        int c = 0;
        auto one = [&](const auto& value) {
          if constexpr (std::is_same_v<std::decay_t<decltype(value)>, opt<std::vector<Side>>>) {
            if (value) copy.array_field(*value, side_oid);
            else copy.field(value);
          } else {
            copy.field(value);
          }
          ++c;
        };
        (one(v), ...);
        return c;
      });
      copy.end_row();
    }
    CHECK(copy.finish() == static_cast<int64_t>(by_copy.size()));
  }
  check_rows(read_back(conn, 300, 399), by_copy);

  // The server agrees about the values as text too (not only our own decoder).
  CHECK(db.query_value("SELECT n::text FROM all_types WHERE id = 102") ==
        "-123456789012345678901234567890.123456789012345678");
  CHECK(db.query_value("SELECT n::text FROM all_types WHERE id = 303") == "NaN");
  CHECK(db.query_value("SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM all_types WHERE id = 202") ==
        "1969-07-20 20:17:40");
  CHECK(db.query_value("SELECT tsn::text FROM all_types WHERE id = 302") == "2100-12-31 23:59:59.999999");
  CHECK(db.query_value("SELECT iv::text FROM all_types WHERE id = 102") == "-1 years -2 mons -3 days -01:02:03.000001");
  CHECK(db.query_value("SELECT a_2d::text FROM all_types WHERE id = 202") == "{{1,2,3},{4,5,6}}");
  CHECK(db.query_value("SELECT a_i4::text FROM all_types WHERE id = 302") == "{NULL,7,NULL}");
  CHECK(db.query_value("SELECT a_e::text FROM all_types WHERE id = 301") == "{buy,sell}");
  CHECK(db.query_value("SELECT encode(by, 'hex') FROM all_types WHERE id = 302") == "00000100ff00");
  CHECK(db.query_value("SELECT length(t) FROM all_types WHERE id = 102") == "11");
  CHECK(db.query_value("SELECT count(*) FROM all_types") == "12");
}

}  // namespace

TEST_CASE("runtime pg15: every type round-trips through prepared insert, pipeline and binary COPY") {
  round_trip_every_type(Server::pg15);
}

TEST_CASE("runtime tsdb: every type round-trips through prepared insert, pipeline and binary COPY") {
  round_trip_every_type(Server::tsdb);
}

namespace {

// The bytes the server's send function writes for `text` read as `type` (SELECT $1::text::type, binary result).
std::string server_bytes(Connection& conn, const std::string& type, const std::string& text) {
  const Result r = conn.exec(Statement("SELECT $1::text::" + type), text);
  REQUIRE(r.rows() == 1);
  return std::string(PQgetvalue(r.native(), 0, 0), static_cast<size_t>(PQgetlength(r.native(), 0, 0)));
}

std::string hex(const std::string& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) (out += digits[c >> 4]) += digits[c & 15];
  return out;
}

template <class T>
std::string our_bytes(const T& v) {
  Buffer b;
  Codec<T>::encode(v, b);
  return b.str();
}

void encodings_match_the_server(Server server) {
  TestDb db(server);
  Connection conn(db.url());
  for (const char* n : {"0", "0.00", "1", "-1", "10000", "9999", "0.0001", "0.000005", "-123.4500", "1e20", "1.5e-10",
                        "12345678901234567890.1234567890", "-99999999999999999999999999999999.99999999", "NaN",
                        "Infinity", "-Infinity", "100000000000000000000000000000000000000"}) {
    const std::string text = n;
    CAPTURE(text);
    CHECK(hex(our_bytes(Decimal::parse(n))) == hex(server_bytes(conn, "numeric", n)));
  }
  CHECK(our_bytes(utc(1969, 7, 20, 20, 17, 40)) == server_bytes(conn, "timestamptz", "1969-07-20 20:17:40+00"));
  CHECK(our_bytes(utc(2100, 1, 1, 0, 0, 0, 1)) == server_bytes(conn, "timestamptz", "2100-01-01 00:00:00.000001+00"));
  CHECK(our_bytes(Timestamptz::max()) == server_bytes(conn, "timestamptz", "infinity"));
  CHECK(our_bytes(Timestamp{utc(1999, 12, 31, 23, 59, 59).time_since_epoch()}) ==
        server_bytes(conn, "timestamp", "1999-12-31 23:59:59"));
  CHECK(our_bytes(Date{year{1900} / 1 / 1}) == server_bytes(conn, "date", "1900-01-01"));
  CHECK(our_bytes(Date::min()) == server_bytes(conn, "date", "-infinity"));
  CHECK(our_bytes(Time{hours{23} + microseconds{5}}) == server_bytes(conn, "time", "23:00:00.000005"));
  CHECK(our_bytes(Interval{-14, -3, -3'723'000'001}) ==
        server_bytes(conn, "interval", "-1 year -2 mons -3 days -01:02:03.000001"));
  CHECK(our_bytes(Inet::parse("2001:db8::1/64")) == server_bytes(conn, "inet", "2001:db8::1/64"));
  CHECK(our_bytes(Inet::parse("10.0.0.0/8", true)) == server_bytes(conn, "cidr", "10.0.0.0/8"));
  CHECK(our_bytes(Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")) ==
        server_bytes(conn, "uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
  CHECK(our_bytes(Jsonb{"{\"a\": 1}"}) == server_bytes(conn, "jsonb", "{\"a\":1}"));
  CHECK(our_bytes(std::vector<std::optional<int32_t>>{1, std::nullopt}) == server_bytes(conn, "int4[]", "{1,NULL}"));
  CHECK(our_bytes(std::vector<int64_t>{}) == server_bytes(conn, "int8[]", "{}"));
  CHECK(our_bytes(Array<int16_t>{{2, 2}, {}, {1, 2, 3, 4}}) == server_bytes(conn, "int2[]", "{{1,2},{3,4}}"));
  CHECK(our_bytes(Array<int32_t>{{2}, {0}, {7, 8}}) == server_bytes(conn, "int4[]", "[0:1]={7,8}"));
  CHECK(our_bytes(std::vector<Decimal>{Decimal::parse("1.50")}) == server_bytes(conn, "numeric[]", "{1.50}"));
  CHECK(our_bytes(std::vector<std::string>{"a b", ""}) == server_bytes(conn, "text[]", "{\"a b\",\"\"}"));
  CHECK(our_bytes(2.5f) == server_bytes(conn, "real", "2.5"));
  CHECK(our_bytes(-0.1) == server_bytes(conn, "float8", "-0.1"));
  CHECK(our_bytes(true) == server_bytes(conn, "bool", "true"));

  // Every codec's OIDs are the server's.
  auto oid_of = [&](const std::string& type) {
    return conn.exec(Statement("SELECT $1::text::regtype::oid"), type).get<uint32_t>(0, 0);
  };
  CHECK(Codec<bool>::oid == oid_of("bool"));
  CHECK(Codec<int16_t>::oid == oid_of("int2"));
  CHECK(Codec<int32_t>::oid == oid_of("int4"));
  CHECK(Codec<int64_t>::oid == oid_of("int8"));
  CHECK(Codec<float>::oid == oid_of("float4"));
  CHECK(Codec<double>::oid == oid_of("float8"));
  CHECK(Codec<std::string>::oid == oid_of("text"));
  CHECK(Codec<Bytes>::oid == oid_of("bytea"));
  CHECK(Codec<Uuid>::oid == oid_of("uuid"));
  CHECK(Codec<Json>::oid == oid_of("json"));
  CHECK(Codec<Jsonb>::oid == oid_of("jsonb"));
  CHECK(Codec<Decimal>::oid == oid_of("numeric"));
  CHECK(Codec<Timestamptz>::oid == oid_of("timestamptz"));
  CHECK(Codec<Timestamp>::oid == oid_of("timestamp"));
  CHECK(Codec<Date>::oid == oid_of("date"));
  CHECK(Codec<Time>::oid == oid_of("time"));
  CHECK(Codec<Interval>::oid == oid_of("interval"));
  CHECK(Codec<Inet>::oid == oid_of("inet"));
  CHECK(oids::cidr == oid_of("cidr"));
  CHECK(oids::varchar == oid_of("varchar"));
  CHECK(oids::bpchar == oid_of("bpchar"));
  CHECK(Codec<std::vector<bool>>::oid == oid_of("bool[]"));
  CHECK(Codec<std::vector<int16_t>>::oid == oid_of("int2[]"));
  CHECK(Codec<std::vector<int32_t>>::oid == oid_of("int4[]"));
  CHECK(Codec<std::vector<int64_t>>::oid == oid_of("int8[]"));
  CHECK(Codec<std::vector<float>>::oid == oid_of("float4[]"));
  CHECK(Codec<std::vector<double>>::oid == oid_of("float8[]"));
  CHECK(Codec<std::vector<std::string>>::oid == oid_of("text[]"));
  CHECK(Codec<std::vector<Bytes>>::oid == oid_of("bytea[]"));
  CHECK(Codec<std::vector<Uuid>>::oid == oid_of("uuid[]"));
  CHECK(Codec<std::vector<Json>>::oid == oid_of("json[]"));
  CHECK(Codec<std::vector<Jsonb>>::oid == oid_of("jsonb[]"));
  CHECK(Codec<std::vector<Decimal>>::oid == oid_of("numeric[]"));
  CHECK(Codec<std::vector<Timestamptz>>::oid == oid_of("timestamptz[]"));
  CHECK(Codec<std::vector<Timestamp>>::oid == oid_of("timestamp[]"));
  CHECK(Codec<std::vector<Date>>::oid == oid_of("date[]"));
  CHECK(Codec<std::vector<Time>>::oid == oid_of("time[]"));
  CHECK(Codec<std::vector<Interval>>::oid == oid_of("interval[]"));
  CHECK(Codec<std::vector<Inet>>::oid == oid_of("inet[]"));
  CHECK(Codec<std::vector<uint32_t>>::oid == oid_of("oid[]"));
  CHECK(oids::cidr_array == oid_of("cidr[]"));
  CHECK(oids::varchar_array == oid_of("varchar[]"));
  CHECK(oids::bpchar_array == oid_of("bpchar[]"));
}

}  // namespace

TEST_CASE("runtime pg15: the runtime's encodings are the bytes the server sends") { encodings_match_the_server(Server::pg15); }
TEST_CASE("runtime tsdb: the runtime's encodings are the bytes the server sends") { encodings_match_the_server(Server::tsdb); }

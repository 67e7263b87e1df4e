// The codecs too large to inline, and the chrono <-> wire conversions with their range checks.
#include "schemac/codec.hpp"

#include <limits>

namespace schemac::db {
namespace {

constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();
constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
// PostgreSQL's finite timestamp range in microseconds since 2000 (MIN_TIMESTAMP, END_TIMESTAMP: 4714-11-24 BC to
// 294277-01-01, beyond what int64 microseconds since 1970 reach); the infinities are INT64_MIN and INT64_MAX.
constexpr int64_t kMinTimestamp = -211'813'488'000'000'000;

int64_t unix_to_pg(int64_t unix_micros) {
  if (unix_micros == kInt64Min || unix_micros == kInt64Max) return unix_micros;  // -infinity, infinity
  // Checked before subtracting, which then cannot overflow; no int64 microseconds since 1970 reach END_TIMESTAMP.
  if (unix_micros < kMinTimestamp + kPgEpochUnixMicros)
    throw CodecError("timestamp before PostgreSQL's earliest (4714-11-24 BC)");
  return unix_micros - kPgEpochUnixMicros;
}

int64_t pg_to_unix(int64_t pg) {
  if (pg == kInt64Min || pg == kInt64Max) return pg;
  int64_t unix_micros = 0;
  if (__builtin_add_overflow(pg, kPgEpochUnixMicros, &unix_micros))
    throw CodecError("timestamp too far in the future for std::chrono microseconds since 1970");
  return unix_micros;
}

}  // namespace

int64_t to_pg_micros(Timestamptz t) { return unix_to_pg(t.time_since_epoch().count()); }
Timestamptz timestamptz_from_pg(int64_t pg) { return Timestamptz{std::chrono::microseconds{pg_to_unix(pg)}}; }
int64_t to_pg_micros(Timestamp t) { return unix_to_pg(t.time_since_epoch().count()); }
Timestamp timestamp_from_pg(int64_t pg) { return Timestamp{std::chrono::microseconds{pg_to_unix(pg)}}; }

int32_t to_pg_days(Date d) {
  const auto days = static_cast<int64_t>(d.time_since_epoch().count());
  if (d == Date::min()) return std::numeric_limits<int32_t>::min();
  if (d == Date::max()) return std::numeric_limits<int32_t>::max();
  const int64_t pg = days - kPgEpochUnixDays;
  // date's range: 4714-11-24 BC to 5874897-12-31, which int32 days since 2000 holds with the infinities beyond.
  if (pg <= std::numeric_limits<int32_t>::min() || pg >= std::numeric_limits<int32_t>::max())
    throw CodecError("date outside PostgreSQL's range");
  return static_cast<int32_t>(pg);
}

Date date_from_pg(int32_t pg) {
  if (pg == std::numeric_limits<int32_t>::min()) return Date::min();
  if (pg == std::numeric_limits<int32_t>::max()) return Date::max();
  return Date{std::chrono::days{static_cast<int64_t>(pg) + kPgEpochUnixDays}};
}

Bytes Codec<Bytes>::decode(const char* d, int n) {
  Bytes out(static_cast<size_t>(n < 0 ? 0 : n));
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::byte>(d[i]);
  return out;
}

Jsonb Codec<Jsonb>::decode(const char* d, int n) {
  Reader r(d, n);
  if (r.u8("jsonb") != 1) throw CodecError("jsonb in an unknown binary format version");
  return Jsonb{std::string(r.bytes(r.left(), "jsonb"))};
}

Uuid Codec<Uuid>::decode(const char* d, int n) {
  Reader r(d, n);
  const std::string_view b = r.bytes(16, "uuid");
  r.expect_end("uuid");
  Uuid u;
  for (size_t i = 0; i < 16; ++i) u.bytes[i] = static_cast<uint8_t>(b[i]);
  return u;
}

void Codec<Inet>::encode(const Inet& v, Buffer& b) {
  const size_t size = v.address_size();
  if (v.bits > size * 8) throw CodecError("inet netmask longer than its address");
  b.put_u8(static_cast<uint8_t>(v.family));
  b.put_u8(v.bits);
  b.put_u8(v.is_cidr ? 1 : 0);
  b.put_u8(static_cast<uint8_t>(size));
  b.append(v.address.data(), size);
}

Inet Codec<Inet>::decode(const char* d, int n) {
  Reader r(d, n);
  Inet v;
  const uint8_t family = r.u8("inet");
  if (family != static_cast<uint8_t>(Inet::Family::v4) && family != static_cast<uint8_t>(Inet::Family::v6))
    throw CodecError("inet with an unknown address family");
  v.family = static_cast<Inet::Family>(family);
  v.bits = r.u8("inet");
  v.is_cidr = r.u8("inet") != 0;
  const uint8_t size = r.u8("inet");
  if (size != v.address_size() || v.bits > size * 8) throw CodecError("inet with an invalid address length");
  const std::string_view a = r.bytes(size, "inet address");
  r.expect_end("inet");
  for (size_t i = 0; i < size; ++i) v.address[i] = static_cast<uint8_t>(a[i]);
  return v;
}

Interval Codec<Interval>::decode(const char* d, int n) {
  Reader r(d, n);
  Interval v;
  v.micros = r.i64("interval");
  v.days = r.i32("interval");
  v.months = r.i32("interval");
  r.expect_end("interval");
  return v;
}

}  // namespace schemac::db

#pragma once
// PostgreSQL's date and time types as std::chrono types. On the wire they count from 2000-01-01 (microseconds
// for timestamps and times, days for dates); the chrono types count from 1970-01-01, and the conversions below
// are the one place the offset lives. The server's -infinity/infinity are the chrono types' min()/max().
#include <chrono>
#include <compare>
#include <cstdint>

namespace schemac::db {

// timestamptz: an instant, which is what sys_time is (UTC, no time zone attached).
using Timestamptz = std::chrono::sys_time<std::chrono::microseconds>;
// timestamp (without time zone): a wall-clock reading in no particular zone, which is what local_time is.
using Timestamp = std::chrono::local_time<std::chrono::microseconds>;
// date.
using Date = std::chrono::sys_days;
// time (without time zone): microseconds since midnight.
using Time = std::chrono::microseconds;

// interval: PostgreSQL keeps months, days and microseconds apart (a month is not a fixed number of days), and so
// does this struct; each part may be negative on its own.
struct Interval {
  int32_t months = 0;
  int32_t days = 0;
  int64_t micros = 0;
  friend auto operator<=>(const Interval&, const Interval&) = default;
};

// Microseconds and days between 1970-01-01 and PostgreSQL's epoch 2000-01-01.
inline constexpr int64_t kPgEpochUnixMicros = 946'684'800'000'000;
inline constexpr int64_t kPgEpochUnixDays = 10'957;

// Wire value <-> chrono value. Throws CodecError when a value has no representation on the other side (a chrono
// value outside PostgreSQL's range, or one of the server's far-future timestamps past int64 microseconds since
// 1970). Defined in codec.cpp beside the codecs that use them.
int64_t to_pg_micros(Timestamptz t);
Timestamptz timestamptz_from_pg(int64_t pg_micros);
int64_t to_pg_micros(Timestamp t);
Timestamp timestamp_from_pg(int64_t pg_micros);
int32_t to_pg_days(Date d);
Date date_from_pg(int32_t pg_days);

}  // namespace schemac::db

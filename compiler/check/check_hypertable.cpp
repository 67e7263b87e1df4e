// Hypertable rules: what TimescaleDB would refuse (or silently change) is reported before any SQL runs.
#include <fmt/format.h>

#include <algorithm>

#include "check/check_internal.hpp"
#include "model/span.hpp"
#include "model/timescale.hpp"
#include "model/types.hpp"

namespace schemac::check_detail {

namespace {

constexpr int64_t kDayMicros = 86'400'000'000LL;

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The time column, NOT NULL as TimescaleDB makes it; null when missing or of the wrong type.
const Column* time_column(Reporter& r, Table& t, const Hypertable& h) {
  std::string what = fmt::format("hypertable \"{}\"", display_name(t));
  if (!require_column(r, t, h.time_column, h.loc, what)) return nullptr;
  Column& c = *t.column(h.time_column);
  if (!is_time_type(c.type) && !is_integer_type(c.type)) {
    r.error(h.loc,
            fmt::format("time column \"{}\" of hypertable \"{}\" is {}, but it must be timestamptz, timestamp, date "
                        "or an integer type", c.name, display_name(t), c.type.name),
            "partition by a timestamptz column");
    return nullptr;
  }
  if (c.nullable) {
    r.warning(c.loc,
              fmt::format("time column \"{}\" of hypertable \"{}\" is declared nullable, but TimescaleDB makes it "
                          "NOT NULL", c.name, display_name(t)),
              "remove the \"?\"");
    c.nullable = false;
  }
  return &c;
}

// A span must match the kind of the time column and be positive.
bool check_span(Reporter& r, const Table& t, const Column& time, const Span& span, std::string_view setting,
                const Loc& loc) {
  bool integer_time = is_integer_type(time.type);
  if (integer_time && !span.is_integer) {
    r.error(loc, fmt::format("{} of hypertable \"{}\" must be a plain integer because its time column \"{}\" is {}",
                             setting, display_name(t), time.name, time.type.name),
            fmt::format("write a number in the units of \"{}\", e.g. {} 100000", time.name, setting));
    return false;
  }
  if (!integer_time && span.is_integer) {
    r.error(loc, fmt::format("{} of hypertable \"{}\" must be a length of time because its time column \"{}\" is {}",
                             setting, display_name(t), time.name, time.type.name),
            fmt::format("add a unit, e.g. {} {} days", setting, span.integer));
    return false;
  }
  bool positive = span.is_integer ? span.integer > 0 : span.total_micros() > 0;
  if (!positive) {
    r.error(loc, fmt::format("{} of hypertable \"{}\" must be greater than zero", setting, display_name(t)));
    return false;
  }
  return true;
}

// A month in a chunk interval is 30 days to TimescaleDB (interval_to_usec), which is fine; a date column's
// chunks must still be whole days.
void check_chunk_interval(Reporter& r, const Table& t, const Column& time, const Span& span, const Loc& loc) {
  if (!check_span(r, t, time, span, "chunk_interval", loc) || span.is_integer) return;
  if (time.type.name == "date" && span.total_micros() % kDayMicros != 0)
    r.error(loc, fmt::format("chunk_interval of hypertable \"{}\" must be whole days because its time column \"{}\" "
                             "is a date", display_name(t), time.name));
}

bool shorter(const Span& a, const Span& b) {
  return a.is_integer ? a.integer < b.integer : a.total_micros() < b.total_micros();
}

void check_policies(Reporter& r, const Table& t, const Column& time, const Hypertable& h) {
  bool retention_ok = h.retention && check_span(r, t, time, *h.retention, "retention", h.loc);
  const auto* after = h.compression && h.compression->after ? &*h.compression->after : nullptr;
  bool after_ok = after && check_span(r, t, time, *after, "compression after", h.loc);
  if (is_integer_type(time.type) && (h.retention || after))
    r.error(h.loc,
            fmt::format("{} on hypertable \"{}\" needs an integer_now function because its time column is an "
                        "integer, and schemac does not manage those yet", h.retention ? "retention" : "a compression "
                        "policy", display_name(t)),
            "use a timestamptz time column, or remove the policy and run it from your application");
  if (retention_ok && !h.retention->is_integer) {
    Span chunk = h.chunk_interval && !h.chunk_interval->is_integer ? *h.chunk_interval : default_chunk_interval();
    if (shorter(*h.retention, chunk))
      r.warning(h.loc,
                fmt::format("retention {} of hypertable \"{}\" is shorter than its chunk interval {}{}", dsl_span(*h.retention),
                            display_name(t), dsl_span(chunk), h.chunk_interval ? "" : " (the default)"),
                "whole chunks are dropped, so rows live up to retention + chunk interval: use a shorter chunk_interval");
  }
  if (retention_ok && after_ok && !shorter(*after, *h.retention))
    r.warning(h.loc,
              fmt::format("compression after {} on hypertable \"{}\" is not shorter than its retention {}: chunks are "
                          "dropped before they are compressed", dsl_span(*after), display_name(t),
                          dsl_span(*h.retention)));
}

void check_compression(Reporter& r, const Table& t, Hypertable& h) {
  if (!h.compression) return;
  Compression& c = *h.compression;
  require_columns(r, t, c.segment_by, h.loc, fmt::format("compression segment_by of \"{}\"", display_name(t)));
  std::vector<std::string> order_cols;
  for (auto& o : c.order_by) {
    order_cols.push_back(o.column);
    o.nulls = normalize_nulls(o.desc, o.nulls);
  }
  require_columns(r, t, order_cols, h.loc, fmt::format("compression order_by of \"{}\"", display_name(t)));
  if (contains(c.segment_by, h.time_column))
    r.error(h.loc, fmt::format("the time column \"{}\" cannot be a compression segment_by column of \"{}\"",
                               h.time_column, display_name(t)),
            "segment by the columns you filter on, such as an id; the time column belongs in order_by");
  for (auto& col : c.segment_by)
    if (contains(order_cols, col))
      r.error(h.loc, fmt::format("column \"{}\" cannot be both in segment_by and in order_by of \"{}\"", col,
                                 display_name(t)));
}

// TimescaleDB enforces uniqueness per chunk, so every unique key must contain the partitioning column.
void check_unique_keys(Reporter& r, const Table& t, const std::string& time) {
  for (auto& c : t.constraints) {
    if (c.kind != Constraint::Kind::primary_key && c.kind != Constraint::Kind::unique) continue;
    if (contains(c.columns, time)) continue;
    const char* what = c.kind == Constraint::Kind::primary_key ? "primary key" : "unique constraint";
    r.error(c.loc, fmt::format("{} \"{}\" of hypertable \"{}\" must include the time column \"{}\"", what, c.name,
                               display_name(t), time),
            fmt::format("add \"{}\" to its columns", time));
  }
  for (auto& ix : t.indexes) {
    if (!ix.unique) continue;
    bool has_time = std::any_of(ix.keys.begin(), ix.keys.end(), [&](auto& k) { return k.column == time; });
    if (!has_time)
      r.error(ix.loc, fmt::format("unique index \"{}\" of hypertable \"{}\" must include the time column \"{}\"",
                                  ix.name, display_name(t), time),
              fmt::format("add \"{}\" to its columns", time));
  }
}

}  // namespace

void check_hypertable(Reporter& r, const Schema& s, Table& t) {
  if (!t.hypertable) return;
  Hypertable& h = *t.hypertable;
  if (!has_extension(s, "timescaledb"))
    r.error(h.loc, fmt::format("hypertable \"{}\" needs the timescaledb extension", display_name(t)),
            "add \"extension timescaledb\"");
  check_compression(r, t, h);
  const Column* time = time_column(r, t, h);
  if (!time) return;
  check_unique_keys(r, t, h.time_column);
  if (h.chunk_interval) check_chunk_interval(r, t, *time, *h.chunk_interval, h.loc);
  else if (is_integer_type(time->type))
    r.error(h.loc, fmt::format("hypertable \"{}\" has an integer time column, so it needs a chunk_interval",
                               display_name(t)),
            "add e.g. \"chunk_interval 100000\" in the units of the time column");
  check_policies(r, t, *time, h);
}

}  // namespace schemac::check_detail

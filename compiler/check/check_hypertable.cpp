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

// A column TimescaleDB partitions by range (the time column, a range dimension) must be a time or integer type,
// and TimescaleDB makes it NOT NULL: `role` names it in the messages, `hint` is the fix for a wrong type.
bool range_column_ok(Reporter& r, const Table& t, Column& c, const Loc& loc, const std::string& role,
                     const std::string& hint) {
  if (!is_time_type(c.type) && !is_integer_type(c.type)) {
    r.error(loc, fmt::format("{} \"{}\" of hypertable \"{}\" is {}, but it must be timestamptz, timestamp, date or an "
                             "integer type", role, c.name, display_name(t), c.type.name),
            hint);
    return false;
  }
  if (c.nullable) {
    r.warning(c.loc, fmt::format("{} \"{}\" of hypertable \"{}\" is declared nullable, but TimescaleDB makes it NOT NULL",
                                 role, c.name, display_name(t)),
              "remove the \"?\"");
    c.nullable = false;
  }
  return true;
}

// The time column, NOT NULL as TimescaleDB makes it; null when missing or of the wrong type.
const Column* time_column(Reporter& r, Table& t, const Hypertable& h) {
  std::string what = fmt::format("hypertable \"{}\"", display_name(t));
  if (!require_column(r, t, h.time_column, h.loc, what)) return nullptr;
  Column& c = *t.column(h.time_column);
  return range_column_ok(r, t, c, h.loc, "time column", "partition by a timestamptz column") ? &c : nullptr;
}

// A span must match the kind of the column it partitions by (`role`: "time column", "column") and be positive.
bool check_span(Reporter& r, const Table& t, const Column& time, const Span& span, std::string_view setting,
                const Loc& loc, std::string_view role = "time column") {
  bool integer_time = is_integer_type(time.type);
  if (integer_time && !span.is_integer) {
    r.error(loc, fmt::format("{} of hypertable \"{}\" must be a plain integer because its {} \"{}\" is {}",
                             setting, display_name(t), role, time.name, time.type.name),
            fmt::format("write a number in the units of \"{}\", e.g. {} 100000", time.name, setting));
    return false;
  }
  if (!integer_time && span.is_integer) {
    r.error(loc, fmt::format("{} of hypertable \"{}\" must be a length of time because its {} \"{}\" is {}",
                             setting, display_name(t), role, time.name, time.type.name),
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
  // TimescaleDB's policies measure a chunk's age from integer_now() on an integer time column: without one,
  // adding the policy fails.
  if (is_integer_type(time.type) && h.integer_now.empty() && (h.retention || after))
    r.error(h.loc,
            fmt::format("{} on hypertable \"{}\" needs an integer_now function because its time column \"{}\" is "
                        "an integer", h.retention ? "retention" : "a compression policy", display_name(t), time.name),
            fmt::format("add `integer_now <function>` to the hypertable block, naming a function without arguments "
                        "that returns the current value of \"{}\" ({})", time.name, time.type.name));
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

// TimescaleDB enforces uniqueness per chunk, so every unique key must contain each partitioning column (`role`:
// "time column", "partitioning column").
void check_unique_keys(Reporter& r, const Table& t, const std::string& column, std::string_view role) {
  for (auto& c : t.constraints) {
    if (c.kind != Constraint::Kind::primary_key && c.kind != Constraint::Kind::unique) continue;
    if (contains(c.columns, column)) continue;
    const char* what = c.kind == Constraint::Kind::primary_key ? "primary key" : "unique constraint";
    r.error(c.loc, fmt::format("{} \"{}\" of hypertable \"{}\" must include the {} \"{}\"", what, c.name,
                               display_name(t), role, column),
            fmt::format("add \"{}\" to its columns", column));
  }
  for (auto& ix : t.indexes) {
    if (!ix.unique) continue;
    bool has = std::any_of(ix.keys.begin(), ix.keys.end(), [&](auto& k) { return k.column == column; });
    if (!has)
      r.error(ix.loc, fmt::format("unique index \"{}\" of hypertable \"{}\" must include the {} \"{}\"", ix.name,
                                  display_name(t), role, column),
              fmt::format("add \"{}\" to its columns", column));
  }
}

// TimescaleDB's bound on a hash dimension's partitions (set_number_partitions: "less than 32,768").
constexpr int64_t kMaxPartitions = 32767;

// One extra dimension: its column is not the time column nor partitioned twice (`seen`: the earlier ones), and
// its partitioning is one TimescaleDB accepts for the column's type. Returns whether it is fine.
bool check_dimension(Reporter& r, Table& t, const Hypertable& h, const Dimension& d,
                     const std::vector<std::string>& seen) {
  if (!require_column(r, t, d.column, d.loc, fmt::format("partition_by of hypertable \"{}\"", display_name(t))))
    return false;
  if (d.column == h.time_column) {
    r.error(d.loc, fmt::format("hypertable \"{}\" is already partitioned by its time column \"{}\"", display_name(t),
                               d.column),
            "partition_by names another column; the time column's partitioning is chunk_interval");
    return false;
  }
  if (contains(seen, d.column)) {
    r.error(d.loc, fmt::format("column \"{}\" of hypertable \"{}\" is partitioned twice", d.column, display_name(t)),
            fmt::format("keep one `partition_by {}`", d.column));
    return false;
  }
  Column& c = *t.column(d.column);
  if (d.kind == Dimension::Kind::hash) {
    if (d.partitions >= 1 && d.partitions <= kMaxPartitions) return true;
    r.error(d.loc, fmt::format("hash partitioning of \"{}\" in hypertable \"{}\" needs 1 to {} partitions, not {}",
                               d.column, display_name(t), kMaxPartitions, d.partitions),
            fmt::format("e.g. `partition_by {} hash 4`", d.column));
    return false;
  }
  if (!range_column_ok(r, t, c, d.loc, "range partitioning column",
                       fmt::format("partition it by hash: `partition_by {} hash 4`", d.column)))
    return false;
  return check_span(r, t, c, d.interval, fmt::format("partition_by {} range", d.column), d.loc, "column");
}

void check_dimensions(Reporter& r, Table& t, const Hypertable& h) {
  std::vector<std::string> seen;
  for (auto& d : h.dimensions) {
    if (check_dimension(r, t, h, d, seen)) check_unique_keys(r, t, d.column, "partitioning column");
    seen.push_back(d.column);
  }
}

// set_integer_now_func refuses a hypertable whose time column is not an integer.
void check_integer_now(Reporter& r, const Table& t, const Column& time, const Hypertable& h) {
  if (h.integer_now.empty() || is_integer_type(time.type)) return;
  r.error(h.loc,
          fmt::format("integer_now of hypertable \"{}\" is for an integer time column, but \"{}\" is {}",
                      display_name(t), time.name, time.type.name),
          "remove integer_now: TimescaleDB measures the age of timestamptz, timestamp and date chunks with now()");
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
  check_unique_keys(r, t, h.time_column, "time column");
  check_dimensions(r, t, h);
  check_integer_now(r, t, *time, h);
  if (h.chunk_interval) check_chunk_interval(r, t, *time, *h.chunk_interval, h.loc);
  else if (is_integer_type(time->type))
    r.error(h.loc, fmt::format("hypertable \"{}\" has an integer time column, so it needs a chunk_interval",
                               display_name(t)),
            "add e.g. \"chunk_interval 100000\" in the units of the time column");
  check_policies(r, t, *time, h);
}

}  // namespace schemac::check_detail

#include "catalog/preflight.hpp"
#include "plan/diff.hpp"

#include <doctest/doctest.h>

using namespace schemac;

namespace {

Schema with_retention() {
  Schema s;
  s.extensions.push_back(Extension{"timescaledb", "", Loc{"s.dsl", 1, 1}, {}});
  Table& t = s.tables.emplace_back();
  t.schema = "public";
  t.name = "ticks";
  t.hypertable = Hypertable{};
  t.hypertable->time_column = "ts";
  t.hypertable->retention = Span{};
  t.hypertable->retention->days = 7;
  t.hypertable->loc = Loc{"s.dsl", 5, 3};
  return s;
}

std::string messages(const Diagnostics& ds) {
  std::string out;
  for (auto& d : ds) out += d.loc.file + ":" + std::to_string(d.loc.line) + ": " + d.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("preflight: what the server lacks refuses the plan, located at the declaration that needs it") {
  Catalog live;
  live.database = "app";
  DiffOptions opts;
  CHECK(messages(preflight(live, with_retention(), {opts.edition, opts.apache_retention_via_cron}, Edition::unknown, "m/schemac.edition")) ==
        "s.dsl:1: TimescaleDB is not available on this server (it is not in pg_available_extensions)\n");
  live.timescaledb_available = true;
  CHECK(preflight(live, with_retention(), {opts.edition, opts.apache_retention_via_cron}, Edition::unknown, "m/schemac.edition").empty());
  CHECK(preflight(live, Schema{}, {opts.edition, opts.apache_retention_via_cron}, Edition::unknown, "m/schemac.edition").empty());

  opts.edition = Edition::apache;
  opts.apache_retention_via_cron = true;
  CHECK(preflight(live, with_retention(), {opts.edition, opts.apache_retention_via_cron}, Edition::unknown, "m/schemac.edition").empty());  // cron.database_name unknown
  live.cron_database = "postgres";
  CHECK(messages(preflight(live, with_retention(), {opts.edition, opts.apache_retention_via_cron}, Edition::unknown, "m/schemac.edition")) ==
        "s.dsl:5: --retention-via-cron: pg_cron runs its jobs from database postgres, not from app where this plan "
        "would schedule them\n");
  live.cron_database = "app";
  CHECK(preflight(live, with_retention(), {opts.edition, opts.apache_retention_via_cron}, Edition::unknown, "m/schemac.edition").empty());

  live.edition = Edition::apache;
  CHECK(preflight(live, with_retention(), {opts.edition, opts.apache_retention_via_cron}, Edition::apache, "m/schemac.edition").empty());
  CHECK(messages(preflight(live, with_retention(), {opts.edition, opts.apache_retention_via_cron}, Edition::timescale, "m/schemac.edition")) ==
        "m/schemac.edition:1: this server runs the apache edition of TimescaleDB, but the migrations target the "
        "timescale edition\n");
}

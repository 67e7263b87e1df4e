#include "catalog/preflight.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/quote.hpp"

namespace schemac {

namespace {

void error(Diagnostics& out, const Loc& loc, std::string message, std::string hint) {
  out.push_back({Diagnostic::Severity::error, loc, std::move(message), std::move(hint)});
}

void check_timescaledb(const Catalog& live, const Schema& declared, Diagnostics& out) {
  const Extension* ts = declared.find_extension("timescaledb");
  if (!ts || live.timescaledb_available) return;
  error(out, ts->loc, "TimescaleDB is not available on this server (it is not in pg_available_extensions)",
        "install TimescaleDB on the server and add it to shared_preload_libraries, or plan against a server that "
        "has it");
}

// Retention through pg_cron: the jobs run from cron.database_name, so cron.schedule in any other database
// fails (or, with an old pg_cron, runs drop_chunks in the wrong database).
void check_cron(const Catalog& live, const Schema& declared, const PreflightTarget& target, Diagnostics& out) {
  if (!target.retention_via_cron || target.edition != Edition::apache) return;
  auto with_retention = std::find_if(declared.tables.begin(), declared.tables.end(),
                                     [](auto& t) { return t.hypertable && t.hypertable->retention; });
  if (with_retention == declared.tables.end()) return;
  const Loc& loc = with_retention->hypertable->loc;
  // Unknown (pg_cron not loaded: CREATE EXTENSION pg_cron says so; or not readable by this role): not checked.
  if (!live.cron_database.empty() && live.cron_database != live.database)
    error(out, loc,
          fmt::format("--retention-via-cron: pg_cron runs its jobs from database {}, not from {} where this plan "
                      "would schedule them",
                      quote_ident(live.cron_database), quote_ident(live.database)),
          fmt::format("set cron.database_name = '{}' on the server (and restart it), or leave out "
                      "--retention-via-cron",
                      live.database));
}

void check_edition(const Catalog& live, Edition recorded, const std::string& file, Diagnostics& out) {
  if (recorded == Edition::unknown || live.edition == Edition::unknown || live.edition == recorded) return;
  error(out, Loc{file, 1, 1},
        fmt::format("this server runs the {} edition of TimescaleDB, but the migrations target the {} edition",
                    edition_name(live.edition), edition_name(recorded)),
        fmt::format("use a server of the {} edition, or change the target deliberately: `schemac migrate edition "
                    "{}`",
                    edition_name(recorded), edition_name(live.edition)));
}

}  // namespace

Diagnostics preflight(const Catalog& live, const Schema& declared, const PreflightTarget& target,
                      Edition recorded_edition, const std::string& edition_file) {
  Diagnostics out;
  check_timescaledb(live, declared, out);
  check_cron(live, declared, target, out);
  check_edition(live, recorded_edition, edition_file, out);
  return out;
}

}  // namespace schemac

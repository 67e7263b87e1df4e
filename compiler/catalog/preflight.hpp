#pragma once
// What a plan against a live server needs from that server, checked before anything is planned or run:
// TimescaleDB installable where the declaration wants it, pg_cron running its jobs from this database when
// retention is scheduled with it, and the edition the migrations directory targets. Each missing piece is an
// error with the reason and the fix, so a plan that could only fail on apply is refused up front.
#include <string>

#include "model/diagnostic.hpp"
#include "model/timescale.hpp"
#include "catalog/inspect.hpp"

namespace schemac {

// What the plan targets: the server's edition and whether retention is to be scheduled with pg_cron there.
struct PreflightTarget {
  Edition edition = Edition::unknown;
  bool retention_via_cron = false;
};

// `recorded_edition` is what the migrations directory targets (unknown when it records none), `edition_file` its
// path for messages.
Diagnostics preflight(const Catalog& live, const Schema& declared, const PreflightTarget& target,
                      Edition recorded_edition, const std::string& edition_file);

}  // namespace schemac

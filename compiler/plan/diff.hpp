#pragma once
// The planner: two Schema models in, an ordered list of reversible changes out. Each change carries its UP and
// its DOWN statements (written from one place, so they cannot drift apart), whether it loses data, whether it
// can run inside a transaction, the strongest lock it takes and whether it rewrites the table.
//
// Inputs are complete models (after check): every constraint and index is named, foreign keys name their
// target columns, types are canonical. The plan is deterministic: objects are visited sorted by
// (schema, name), never in pointer or hash order; columns follow the declaration order of `to` because that is
// the physical column order.
//
// Order of a plan (each phase sorted by name; the reverse of the whole plan is the DOWN script):
//   renames; removals of TimescaleDB settings on tables that stop being hypertables; dropped foreign keys,
//   indexes, constraints, tables, columns; new schemas, extensions, enums (and enum value changes), tables,
//   columns and column changes; hypertable conversions; new constraints, indexes, foreign keys; validations
//   of constraints added NOT VALID (each committed on its own, so its scan holds only SHARE UPDATE
//   EXCLUSIVE); TimescaleDB settings and policies; comments; finally dropped enums, extensions, schemas.

#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "plan/change.hpp"
#include "model/model.hpp"
#include "model/timescale.hpp"

namespace schemac {

struct DiffOptions {
  bool allow_destructive = false;
  // The TimescaleDB license of the target server; unknown (an offline plan) emits the standard policy calls.
  Edition edition = Edition::unknown;
  // On the Apache edition, schedule drop_chunks with pg_cron instead of refusing a retention policy.
  bool apache_retention_via_cron = false;
  // New indexes on existing plain tables are built CONCURRENTLY (outside a transaction).
  bool concurrent_indexes = true;
  // New non-unique indexes on existing hypertables use WITH (timescaledb.transaction_per_chunk).
  bool transaction_per_chunk = true;
};

struct Plan {
  std::vector<Change> changes;
  // Errors refuse the plan (destructive changes without the flag, settings the edition cannot do); the changes
  // stay in the plan so they can be shown. Warnings are worth reading but do not stop anything.
  Diagnostics diagnostics;
  bool empty() const { return changes.empty(); }
};

Plan diff(const Schema& from, const Schema& to, const DiffOptions& options = {});

// Whole scripts in the section format of script.hpp (BEGIN ... COMMIT around each run of transactional changes,
// a section of its own for each statement that must run outside a transaction), each change under a
// `-- description` line. DOWN runs the changes in reverse order, each change's `down` statements in their own
// (execution) order.
std::string plan_up_sql(const Plan& plan);
std::string plan_down_sql(const Plan& plan);

}  // namespace schemac

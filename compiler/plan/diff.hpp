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
//   columns and column changes; hypertable conversions; new constraints, indexes, foreign keys; TimescaleDB
//   settings and policies; comments; finally dropped enums, extensions, schemas.

#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/model.hpp"
#include "model/timescale.hpp"

namespace schemac {

// The strongest table lock a change takes, weakest first.
enum class Lock {
  none,
  share_update_exclusive,  // CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT: reads and writes continue
  share,                   // CREATE INDEX: blocks writes
  share_row_exclusive,     // ADD FOREIGN KEY: blocks writes on both tables
  access_exclusive         // most ALTER TABLE forms, DROP: blocks reads and writes
};
const char* lock_name(Lock l);  // "ACCESS EXCLUSIVE", ...

struct Change {
  enum class Kind {
    create_schema, drop_schema,
    create_extension, drop_extension,
    create_enum, drop_enum, rename_enum, add_enum_values, recreate_enum,
    create_table, drop_table, rename_table,
    add_column, drop_column, rename_column, alter_column_type, alter_nullability, alter_default,
    alter_identity, alter_generated,
    add_constraint, drop_constraint, validate_constraint, rename_constraint,
    create_index, drop_index, rename_index,
    comment,
    create_hypertable, drop_hypertable,  // make a table a hypertable / rebuild it as a plain table
    set_chunk_interval,
    add_retention, change_retention, remove_retention,
    enable_compression, change_compression, disable_compression,
    add_compression_policy, change_compression_policy, remove_compression_policy,
  };
  Kind kind = Kind::comment;
  std::string object;       // the object changed, quoted and qualified: public.exchanges, public.t.col
  std::string description;  // one line for humans: "add column public.t.price (numeric(20,8))"
  std::vector<std::string> up;    // statements in execution order
  std::vector<std::string> down;  // statements in execution order (undoing `up`)
  bool destructive = false;       // UP can lose data
  // DOWN brings back the structure UP removed but not its data (a dropped column or table comes back empty or
  // filled, never with its old values). `down_note` says so, and how the rows are filled, in the DOWN script.
  bool irreversible_data = false;
  std::string down_note;
  bool transactional = true;      // false: a statement (UP or DOWN) must run outside a transaction block
  Lock lock = Lock::none;
  bool rewrites = false;  // UP rewrites or copies the whole table
  std::string note;       // lock/rewrite hazard or side effect worth a reviewer's attention; may be empty
};

const char* kind_name(Change::Kind k);  // "create_table", ... (stable: used in JSON output)

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

#pragma once
// What `migrate up`, `down`, `status` and `history` share: the migrations directory in the runtime engine's
// form, and the guard that turns the engine's errors into the CLI's.

#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include "cli/commands.hpp"
#include "migrate/migrate.hpp"
#include "schemac/migrations.hpp"

namespace schemac {

// Reads `dir` (read_migrations verifies schemac.sum), splits each UP and DOWN script into sections; nullopt
// after printing what is wrong. A migration's checksum is its UP file's hash as schemac.sum records it.
// `files`, when given, receives the directory as read (its snapshots, for drift).
std::optional<std::vector<runtime::Migration>> runtime_migrations(const std::string& dir, Io io,
                                                                  MigrationDir* files = nullptr);

class TargetRun;
// The run's options, reporting each migration run and each long statement's progress to `t`.
runtime::RunOptions run_options(const MigrateRunArgs& a, TargetRun& t);

// The compiler's stages keep caches that are not thread-safe (parsed SQL, the printer's), and the targets of a
// fleet run on threads of their own: compiler work done per target (drift, preflight) holds this.
std::mutex& compiler_mutex();

// Refuses (runtime::Error) a server that cannot run the migrations of `files` as `plan --db` would refuse it
// (catalog/preflight.hpp): another TimescaleDB edition than schemac.edition records, TimescaleDB or pg_cron
// missing where the newest snapshot needs them. Before anything runs, so nothing is half applied.
void preflight_run(PGconn* conn, const MigrationDir& files);

// migrations/ read once for a run: in the engine's form and as the directory (snapshots, schemac.edition).
struct RunMigrations {
  std::vector<runtime::Migration> migrations;
  MigrationDir files;
};
// What `up`, `down`, `status`, `baseline` and `repair` share: reads migrations/ (printing what is wrong: exit
// 1), then runs `one` on every target (run_on_targets), the engine's errors reported as the CLI's.
using MigrationsFn = std::function<void(PGconn*, const RunMigrations&, TargetRun&)>;
int run_migrations(const MigrateRunArgs& a, Io io, const MigrationsFn& one, bool pending_is_2 = false);

// guarded() and the engine's runtime::Error.
int guarded_run(Io io, const std::function<int()>& run);

}  // namespace schemac

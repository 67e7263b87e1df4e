#pragma once
// What `migrate up`, `down`, `status` and `history` share: the migrations directory in the runtime engine's
// form, and the guard that turns the engine's errors into the CLI's.

#include <functional>
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

// guarded() and the engine's runtime::Error.
int guarded_run(Io io, const std::function<int()>& run);

}  // namespace schemac

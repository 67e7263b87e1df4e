// `schemac migrate down`: roll back the newest migration, --steps N of them, or every one above --to N.
#include "cli/commands.hpp"

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

namespace {

int run_down(const MigrateRunArgs& a, Io io) {
  MigrationDir files;
  auto ms = runtime_migrations(a.dir, io, &files);
  if (!ms) return 1;
  return run_on_targets(a, io, [&](PGconn* conn, TargetRun& t) {
    preflight_run(conn, files);
    runtime::RunOptions o = run_options(a, t);
    if (runtime::down(conn, *ms, {a.steps, a.to}, o) == 0) t.line("nothing to roll back");
  });
}

}  // namespace

int cmd_migrate_down(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_down(a, io); });
}

}  // namespace schemac

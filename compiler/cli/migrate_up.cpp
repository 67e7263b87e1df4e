// `schemac migrate up`: apply the pending migrations, one line per migration with its duration.
#include "cli/commands.hpp"

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

namespace {

int run_up(const MigrateRunArgs& a, Io io) {
  MigrationDir files;
  auto ms = runtime_migrations(a.dir, io, &files);
  if (!ms) return 1;
  return run_on_targets(a, io, [&](PGconn* conn, TargetRun& t) {
    preflight_run(conn, files);
    runtime::RunOptions o = run_options(a, t);
    if (runtime::up(conn, *ms, a.to, o) == 0) t.line("nothing to apply");
  });
}

}  // namespace

int cmd_migrate_up(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_up(a, io); });
}

}  // namespace schemac

// `schemac migrate down`: roll back the newest migration, --steps N of them, or every one above --to N.
#include "cli/commands.hpp"

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

int cmd_migrate_down(const MigrateRunArgs& a, Io io) {
  return run_migrations(a, io, [&](PGconn* conn, const RunMigrations& m, TargetRun& t) {
    preflight_run(conn, m.files);
    if (runtime::down(conn, m.migrations, {a.steps, a.to}, run_options(a, t)) == 0) t.line("nothing to roll back");
  });
}

}  // namespace schemac

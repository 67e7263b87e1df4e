// `schemac migrate up`: apply the pending migrations, one line per migration with its duration.
#include "cli/commands.hpp"

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

int cmd_migrate_up(const MigrateRunArgs& a, Io io) {
  return run_migrations(a, io, [&](PGconn* conn, const RunMigrations& m, TargetRun& t) {
    preflight_run(conn, m.files);
    if (runtime::up(conn, m.migrations, a.to, run_options(a, t)) == 0) t.line("nothing to apply");
  });
}

}  // namespace schemac

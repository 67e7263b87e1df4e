// `schemac migrate baseline N`: mark a database built before schemac managed it (by hand, by another tool) as
// being at version N without running anything: the adoption path is `pull` -> `migrate new init` ->
// `migrate baseline 1`, then `migrate up` runs only what comes after.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

int cmd_migrate_baseline(const MigrateRunArgs& a, Io io) {
  return run_migrations(a, io, [&](PGconn* conn, const RunMigrations& m, TargetRun& t) {
    if (runtime::baseline(conn, m.migrations, a.baseline, run_options(a, t)) == 0)
      t.line(fmt::format("nothing to record: the history already has every migration up to {:04}", a.baseline));
  });
}

}  // namespace schemac

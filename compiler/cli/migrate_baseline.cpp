// `schemac migrate baseline N`: mark a database built before schemac managed it (by hand, by another tool) as
// being at version N without running anything: the adoption path is `pull` -> `migrate new init` ->
// `migrate baseline 1`, then `migrate up` runs only what comes after.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

namespace {

int run_baseline(const MigrateRunArgs& a, Io io) {
  auto ms = runtime_migrations(a.dir, io);
  if (!ms) return 1;
  return run_on_targets(a, io, [&](PGconn* conn, TargetRun& t) {
    runtime::RunOptions o = run_options(a, t);
    if (runtime::baseline(conn, *ms, a.baseline, o) == 0)
      t.line(fmt::format("nothing to record: the history already has every migration up to {:04}", a.baseline));
  });
}

}  // namespace

int cmd_migrate_baseline(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_baseline(a, io); });
}

}  // namespace schemac

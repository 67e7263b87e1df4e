// `schemac migrate baseline N`: mark a database built before schemac managed it (by hand, by another tool) as
// being at version N without running anything: the adoption path is `pull` -> `migrate new init` ->
// `migrate baseline 1`, then `migrate up` runs only what comes after.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"

namespace schemac {

namespace {

int run_baseline(const MigrateRunArgs& a, Io io) {
  auto ms = runtime_migrations(a.dir, io);
  if (!ms) return 1;
  Connection conn = connect_to(a.db);
  runtime::RunOptions o = run_options(a);
  o.on_done = [&](const runtime::Done& d) { print_done(d, io); };
  if (runtime::baseline(conn.get(), *ms, a.baseline, o) == 0)
    fmt::print(io.out, "nothing to record: the history already has every migration up to {:04}\n", a.baseline);
  return 0;
}

}  // namespace

int cmd_migrate_baseline(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_baseline(a, io); });
}

}  // namespace schemac

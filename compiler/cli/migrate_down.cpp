// `schemac migrate down`: roll back the newest migration, --steps N of them, or every one above --to N.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"

namespace schemac {

namespace {

int run_down(const MigrateRunArgs& a, Io io) {
  auto ms = runtime_migrations(a.dir, io);
  if (!ms) return 1;
  Connection conn = connect_to(a.db);
  runtime::RunOptions o = run_options(a);
  o.on_done = [&](const runtime::Done& d) { print_done(d, io); };
  if (runtime::down(conn.get(), *ms, {a.steps, a.to}, o) == 0) fmt::print(io.out, "nothing to roll back\n");
  return 0;
}

}  // namespace

int cmd_migrate_down(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_down(a, io); });
}

}  // namespace schemac

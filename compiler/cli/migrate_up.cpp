// `schemac migrate up`: apply the pending migrations, one line per migration with its duration.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"

namespace schemac {

// One line per migration run (or, with --dry-run, that would run).
void print_done(const runtime::Done& d, Io io) {
  const char* verb = d.baseline ? (d.dry_run ? "would baseline" : "baselined")
                     : d.up     ? (d.dry_run ? "would apply" : "applied")
                                : (d.dry_run ? "would revert" : "reverted");
  if (d.dry_run) fmt::print(io.out, "{} {}\n", verb, d.migration->label());
  else if (d.baseline) fmt::print(io.out, "{} {} (recorded as applied, nothing run)\n", verb, d.migration->label());
  else fmt::print(io.out, "{} {} ({} ms)\n", verb, d.migration->label(), d.duration_ms);
  io.out.flush();
}

namespace {

int run_up(const MigrateRunArgs& a, Io io) {
  auto ms = runtime_migrations(a.dir, io);
  if (!ms) return 1;
  Connection conn = connect_to(a.db);
  runtime::RunOptions o = run_options(a);
  o.on_done = [&](const runtime::Done& d) { print_done(d, io); };
  if (runtime::up(conn.get(), *ms, a.to, o) == 0) fmt::print(io.out, "nothing to apply\n");
  return 0;
}

}  // namespace

int cmd_migrate_up(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_up(a, io); });
}

}  // namespace schemac

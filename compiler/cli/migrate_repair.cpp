// `schemac migrate repair N`: the one override of the refusal to run after an applied migration's file changed.
// An applied migration never changes what it did, but its file may be edited deliberately (a comment fixed, a
// statement reformatted): repair records the file as it is now, so up and down run again. Anything that changes
// what the database holds belongs in a new migration instead.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

namespace {

int run_repair(const MigrateRunArgs& a, Io io) {
  auto ms = runtime_migrations(a.dir, io);
  if (!ms) return 1;
  return run_on_targets(a, io, [&](PGconn* conn, TargetRun& t) {
    std::string was = runtime::accept_edit(conn, *ms, a.baseline, run_options(a, t));
    const runtime::Migration* m = nullptr;
    for (auto& x : *ms)
      if (x.version == a.baseline) m = &x;
    t.line(fmt::format("{} {} as edited (checksum {} -> {})", a.dry_run ? "would record" : "recorded", m->label(),
                       was, m->checksum));
    t.fields["repaired"] = {{"version", m->version}, {"from", was}, {"to", m->checksum}, {"dry_run", a.dry_run}};
  });
}

}  // namespace

int cmd_migrate_repair(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_repair(a, io); });
}

}  // namespace schemac

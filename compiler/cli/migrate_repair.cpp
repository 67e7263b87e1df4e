// `schemac migrate repair N`: the one override of the refusal to run after an applied migration's file changed.
// An applied migration never changes what it did, but its file may be edited deliberately (a comment fixed, a
// statement reformatted): repair records the file as it is now, so up and down run again. Anything that changes
// what the database holds belongs in a new migration instead.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

int cmd_migrate_repair(const MigrateRunArgs& a, Io io) {
  return run_migrations(a, io, [&](PGconn* conn, const RunMigrations& m, TargetRun& t) {
    std::string was = runtime::accept_edit(conn, m.migrations, a.baseline, run_options(a, t));
    auto it = std::find_if(m.migrations.begin(), m.migrations.end(),
                           [&](const runtime::Migration& x) { return x.version == a.baseline; });
    t.line(fmt::format("{} {} as edited (checksum {} -> {})", a.dry_run ? "would record" : "recorded", it->label(),
                       was, it->checksum));
    t.fields["repaired"] = {{"version", it->version}, {"from", was}, {"to", it->checksum}, {"dry_run", a.dry_run}};
  });
}

}  // namespace schemac

// `schemac migrate status`: where the database stands against migrations/: one line per migration.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"

namespace schemac {

namespace {

int run_status(const MigrateRunArgs& a, Io io) {
  auto ms = runtime_migrations(a.dir, io);
  if (!ms) return 1;
  Connection conn = connect_to(a.db);
  std::vector<runtime::Applied> history = runtime::read_history(conn.get());
  bool pending = false, wrong = false;
  for (const runtime::StatusLine& l : runtime::status(*ms, history)) {
    std::string detail;
    if (l.kind == runtime::Kind::partial)
      detail = fmt::format(" ({} after section {})",
                           l.row->state == runtime::RowState::applying ? "applying stopped" : "rollback stopped",
                           l.row->sections_done);
    else if (l.row)
      detail = fmt::format(" ({})", l.row->applied_at);
    fmt::print(io.out, "{:<13} {}{}\n", runtime::kind_name(l.kind), l.label, detail);
    pending |= l.kind == runtime::Kind::pending || l.kind == runtime::Kind::partial;
    wrong |= l.kind == runtime::Kind::edited || l.kind == runtime::Kind::missing ||
             l.kind == runtime::Kind::out_of_order;
  }
  if (wrong) return 1;
  return a.exit_code && pending ? 2 : 0;
}

}  // namespace

int cmd_migrate_status(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_status(a, io); });
}

}  // namespace schemac

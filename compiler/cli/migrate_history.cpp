// `schemac migrate history`: the rows of schemac.migrations, oldest first.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"

namespace schemac {

namespace {

int run_history(const MigrateRunArgs& a, Io io) {
  Connection conn = connect_to(a.db);
  std::vector<runtime::Applied> history = runtime::read_history(conn.get());
  if (history.empty()) fmt::print(io.out, "no migration applied\n");
  for (const runtime::Applied& h : history) {
    runtime::Migration m{h.version, h.name, {}, {}, {}};
    std::string state = h.state == runtime::RowState::applied
                            ? ""
                            : fmt::format(" {} stopped after section {}",
                                          h.state == runtime::RowState::applying ? "applying" : "rollback",
                                          h.sections_done);
    fmt::print(io.out, "{} {} {} ms by {} {}{}\n", h.applied_at, m.label(), h.duration_ms, h.applied_by,
               h.checksum, state);
  }
  return 0;
}

}  // namespace

int cmd_migrate_history(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_history(a, io); });
}

}  // namespace schemac

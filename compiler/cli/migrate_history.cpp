// `schemac migrate history`: the rows of schemac.migrations, oldest first.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

namespace {

const char* state_name(runtime::RowState s) {
  return s == runtime::RowState::applied ? "applied" : s == runtime::RowState::applying ? "applying" : "reverting";
}

std::string row_text(const runtime::Applied& h) {
  runtime::Migration m{h.version, h.name, {}, {}, {}};
  std::string state = h.state == runtime::RowState::applied
                          ? ""
                          : fmt::format(" {} stopped after section {}",
                                        h.state == runtime::RowState::applying ? "applying" : "rollback",
                                        h.sections_done);
  return fmt::format("{} {} {} ms by {} {}{}", h.applied_at, m.label(), h.duration_ms, h.applied_by, h.checksum,
                     state);
}

Json row_json(const runtime::Applied& h) {
  return {{"version", h.version},     {"name", h.name},          {"checksum", h.checksum},
          {"applied_at", h.applied_at}, {"duration_ms", h.duration_ms}, {"applied_by", h.applied_by},
          {"state", state_name(h.state)}, {"sections_done", h.sections_done}};
}

void history_of(PGconn* conn, TargetRun& t) {
  std::vector<runtime::Applied> history = runtime::read_history(conn);
  if (history.empty()) t.line("no migration applied");
  Json rows = Json::array();
  for (const runtime::Applied& h : history) {
    t.line(row_text(h));
    rows.push_back(row_json(h));
  }
  t.fields["migrations"] = std::move(rows);
  t.to = t.from;
}

}  // namespace

int cmd_migrate_history(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_on_targets(a, io, history_of); });
}

}  // namespace schemac

// `schemac migrate status`: where each database stands against migrations/: one line per migration.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"

namespace schemac {

namespace {

std::string detail_of(const runtime::StatusLine& l) {
  if (l.kind == runtime::Kind::partial)
    return fmt::format(" ({} after section {})",
                       l.row->state == runtime::RowState::applying ? "applying stopped" : "rollback stopped",
                       l.row->sections_done);
  if (l.row) return fmt::format(" ({})", l.row->applied_at);
  return "";
}

Json line_json(const runtime::StatusLine& l) {
  Json j = {{"version", l.version}, {"label", l.label}, {"status", runtime::kind_name(l.kind)}};
  j["applied_at"] = l.row ? Json(l.row->applied_at) : Json(nullptr);
  if (l.kind == runtime::Kind::partial) j["sections_done"] = l.row->sections_done;
  return j;
}

void status_of(PGconn* conn, const std::vector<runtime::Migration>& ms, TargetRun& t) {
  std::vector<runtime::Applied> history = runtime::read_history(conn);
  bool pending = false;
  Json lines = Json::array();
  for (const runtime::StatusLine& l : runtime::status(ms, history)) {
    t.line(fmt::format("{:<13} {}{}", runtime::kind_name(l.kind), l.label, detail_of(l)));
    lines.push_back(line_json(l));
    pending |= l.kind == runtime::Kind::pending || l.kind == runtime::Kind::partial;
  }
  t.fields["migrations"] = std::move(lines);
  t.to = ms.empty() ? 0 : ms.back().version;
  std::vector<std::string> problems = runtime::problems(ms, history);
  if (!problems.empty()) {
    std::string msg = "the migrations do not match the database's history:";
    for (auto& p : problems) msg += "\n  " + p;
    t.fail(msg, "up and down refuse to run until they match");
    return;
  }
  if (pending) t.result = "pending";
}

int run_status(const MigrateRunArgs& a, Io io) {
  auto ms = runtime_migrations(a.dir, io);
  if (!ms) return 1;
  return run_on_targets(a, io, [&](PGconn* conn, TargetRun& t) { status_of(conn, *ms, t); }, a.exit_code);
}

}  // namespace

int cmd_migrate_status(const MigrateRunArgs& a, Io io) {
  return guarded_run(io, [&] { return run_status(a, io); });
}

}  // namespace schemac

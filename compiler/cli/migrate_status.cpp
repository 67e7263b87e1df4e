// `schemac migrate status`: where each database stands against migrations/: one line per migration.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <mutex>
#include <sstream>

#include "catalog/inspect.hpp"
#include "cli/common.hpp"
#include "cli/migrate_run.hpp"
#include "cli/migrate_targets.hpp"
#include "plan/report.hpp"

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

// What differs between the live catalog and `recorded` (the snapshot of the newest applied migration), one
// change description each, as the changes that take the recorded state to what the database is now: a column
// added by hand reads "add column public.a.extra (text)". Compared as `plan --db` does, the recorded
// expressions put in the server's form first. Throws runtime::Error when the snapshot cannot be read.
// With `schemas`, only those schemas on both sides: the rest of the database is not this project's.
std::vector<Change> drift_of(PGconn* conn, const Migration& recorded, const std::vector<std::string>& schemas) {
  std::lock_guard<std::mutex> hold(compiler_mutex());
  std::ostringstream diags;
  std::optional<Schema> state = load_snapshot(recorded, Io{diags, diags});
  if (!state)
    throw runtime::Error("cannot compare the database with " + recorded.stem() + "'s snapshot:\n" + diags.str(),
                         "restore the snapshot from version control");
  InspectOptions only;
  only.schemas = schemas;
  Catalog live = inspect(conn, only);
  if (!schemas.empty()) {
    auto outside = [&](const std::string& ns) { return std::find(schemas.begin(), schemas.end(), ns) == schemas.end(); };
    std::erase_if(state->tables, [&](const Table& t) { return outside(t.schema); });
    std::erase_if(state->enums, [&](const Enum& e) { return outside(e.schema); });
    std::erase_if(state->sequences, [&](const Sequence& q) { return outside(q.schema); });
    std::erase_if(state->namespaces, [&](const Namespace& n) { return outside(n.name); });
  }
  normalise_expressions(conn, *state, &live.schema);
  Plan plan = diff(*state, live.schema, diff_options(true, live.edition, false));
  return std::move(plan.changes);
}

// The migration whose snapshot the database should match: the newest in the history, when it is wholly
// applied and its files are there (otherwise the status lines already say what is wrong).
const Migration* drift_base(const MigrationDir& files, const std::vector<runtime::Applied>& history) {
  if (history.empty() || history.back().state != runtime::RowState::applied) return nullptr;
  for (const Migration& m : files.migrations)
    if (m.version == history.back().version) return &m;
  return nullptr;
}

void report_drift(PGconn* conn, const Migration* base, const std::vector<std::string>& schemas, TargetRun& t) {
  t.fields["drift_from"] = base ? Json(base->stem()) : Json(nullptr);
  Json drift = Json::array();
  if (base)
    for (const Change& c : drift_of(conn, *base, schemas)) {
      t.line(fmt::format("{:<13} {}", "drift", c.description));
      drift.push_back(change_json(c));
    }
  if (!drift.empty()) t.result = "drifted";
  t.fields["drift"] = std::move(drift);
}

Json line_json(const runtime::StatusLine& l) {
  Json j = {{"version", l.version}, {"label", l.label}, {"status", runtime::kind_name(l.kind)}};
  j["applied_at"] = l.row ? Json(l.row->applied_at) : Json(nullptr);
  if (l.kind == runtime::Kind::partial) j["sections_done"] = l.row->sections_done;
  return j;
}

void status_of(PGconn* conn, const std::vector<runtime::Migration>& ms, const MigrationDir& files,
               const std::vector<std::string>& schemas, TargetRun& t) {
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
  report_drift(conn, drift_base(files, history), schemas, t);
}

}  // namespace

int cmd_migrate_status(const MigrateRunArgs& a, Io io) {
  return run_migrations(
      a, io, [&](PGconn* conn, const RunMigrations& m, TargetRun& t) { status_of(conn, m.migrations, m.files, a.schemas, t); },
      a.exit_code);
}

}  // namespace schemac

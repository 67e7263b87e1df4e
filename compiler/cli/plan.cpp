// `schemac plan`: the changes from the recorded state, another declaration or a live database to the declaration.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "catalog/connect.hpp"
#include "plan/diff.hpp"
#include "migrate/edition_file.hpp"
#include "model/files.hpp"
#include "catalog/inspect.hpp"
#include "dsl/load.hpp"
#include "catalog/preflight.hpp"
#include "plan/report.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

// Diffs `to` against the live catalog; expressions are put in the server's own form first so that text the
// server rewrites (IN lists, casts) does not show up as a change.
// What the server cannot do (preflight.hpp) refuses the plan before it is made.
Plan plan_against_db(const std::optional<std::string>& db, Schema& to, DiffOptions opts, const std::string& dir,
                     Io io) {
  Connection conn = connect_to(db);
  Catalog live = inspect(conn.get());
  opts.edition = live.edition;
  Diagnostics refusals = preflight(live, to, {opts.edition, opts.apache_retention_via_cron}, read_edition_file(dir),
                                   shown_path(std::filesystem::path(dir) / kEditionFile));
  if (!refusals.empty()) return Plan{{}, std::move(refusals)};
  NormaliseResult n = normalise_expressions(conn.get(), to, &live.schema);
  for (auto& f : n.failed)
    fmt::print(io.err, "warning: could not normalise the expressions of {} (compared as written)\n", f);
  return diff(live.schema, to, opts);
}

void print_plan(const Plan& plan, const std::string& format, Io io) {
  if (format == "json") io.out << plan_json(plan);
  else if (format == "markdown") io.out << plan_markdown(plan, "schemac plan");
  else io.out << plan_sql(plan, "schemac plan");
}

int run_plan(const PlanArgs& a, Io io) {
  Loaded declared = load_dsl(a.file);
  print_diagnostics(declared, io.err);
  if (!declared.ok()) return 1;
  DiffOptions opts = diff_options(a.allow_destructive, edition_of(a.edition), a.retention_via_cron);
  std::optional<Plan> plan;
  if (a.db) {
    plan = plan_against_db(a.db, declared.schema, opts, a.dir, io);
  } else if (a.from) {
    Loaded f = load_dsl(*a.from);
    print_diagnostics(f, io.err);
    if (f.ok()) plan = diff(f.schema, declared.schema, opts);
  } else if (auto r = recorded_state(a.dir, io)) {
    std::optional<Edition> edition = target_edition(a.dir, a.edition, false, declared.schema, io);
    if (!edition) return 1;
    opts.edition = *edition;
    plan = diff(r->state, declared.schema, opts);
  }
  if (!plan) return 1;
  print_diagnostics(plan->diagnostics, declared.sources, io.err);
  print_plan(*plan, a.format, io);
  if (has_errors(plan->diagnostics)) return 1;
  return a.exit_code && !plan->empty() ? 2 : 0;
}

}  // namespace

int cmd_plan(const PlanArgs& a, Io io) {
  return guarded(io, [&] { return run_plan(a, io); });
}

}  // namespace schemac

// `schemac plan`: the changes from the recorded state, another declaration or a live database to the declaration.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <ostream>

#include "catalog/connect.hpp"
#include "plan/diff.hpp"
#include "migrate/edition_file.hpp"
#include "model/files.hpp"
#include "model/quote.hpp"
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
// With --schema: every declared table, enum and sequence must be in a named schema, or the plan would create it again on
// every run (it never sees the live one).
Diagnostics outside_schemas(const Schema& s, const std::vector<std::string>& schemas) {
  Diagnostics out;
  auto named = [&](const std::string& ns) { return std::find(schemas.begin(), schemas.end(), ns) != schemas.end(); };
  auto refuse = [&](const Loc& loc, const std::string& what, const std::string& ns) {
    out.push_back(Diagnostic{Diagnostic::Severity::error, loc,
                             fmt::format("{} is in schema {}, which --schema does not name", what, quote_ident(ns)),
                             fmt::format("add --schema {}, or leave --schema out to plan every schema", ns)});
  };
  for (const Table& t : s.tables)
    if (!named(t.schema)) refuse(t.loc, "table " + quote_qualified(t.schema, t.name), t.schema);
  for (const Enum& e : s.enums)
    if (!named(e.schema)) refuse(e.loc, "enum " + quote_qualified(e.schema, e.name), e.schema);
  for (const Sequence& q : s.sequences)
    if (!named(q.schema)) refuse(q.loc, "sequence " + quote_qualified(q.schema, q.name), q.schema);
  return out;
}

Plan plan_against_db(const PlanArgs& a, Schema& to, DiffOptions opts, Io io) {
  if (!a.schemas.empty())
    if (Diagnostics d = outside_schemas(to, a.schemas); !d.empty()) return Plan{{}, std::move(d)};
  Connection conn = connect_to(a.db);
  InspectOptions only;
  only.schemas = a.schemas;
  Catalog live = inspect(conn.get(), only);
  report_catalog(live, io);
  const std::string& dir = a.dir;
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
    plan = plan_against_db(a, declared.schema, opts, io);
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

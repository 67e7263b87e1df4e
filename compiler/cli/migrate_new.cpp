// `schemac migrate new`: write the next migration (UP, DOWN, snapshot) and record it in schemac.sum.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "plan/diff.hpp"
#include "migrate/edition_file.hpp"
#include "dsl/load.hpp"
#include "migrate/migrate.hpp"
#include "dsl/print.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

int run_migrate_new(const MigrateNewArgs& a, Io io) {
  std::string slug = migration_slug(a.name);
  if (slug.empty())
    return report_error(fmt::format("migration name \"{}\" has no letters or digits", a.name),
                        "name it after what it does, e.g. `schemac migrate new add_trades`", io);
  Loaded declared = load_dsl(a.file);
  print_diagnostics(declared, io.err);
  if (!declared.ok()) return 1;
  std::optional<Recorded> r = recorded_state(a.dir, io);
  if (!r) return 1;
  std::optional<Edition> edition = target_edition(a.dir, a.edition, true, declared.schema, io);
  if (!edition) return 1;
  Plan plan = diff(r->state, declared.schema, diff_options(a.allow_destructive, *edition, a.retention_via_cron));
  print_diagnostics(plan.diagnostics, declared.sources, io.err);
  if (has_errors(plan.diagnostics)) return 1;
  if (plan.empty()) {
    fmt::print(io.out, "no changes: {} matches {}; nothing written\n", a.file,
               r->newest.empty() ? "an empty database" : r->newest);
    return 0;
  }
  int version = r->dir.migrations.empty() ? 1 : r->dir.migrations.back().version + 1;
  Migration m = write_migration(r->dir, migration_text(plan, version, slug, print_dsl(declared.schema)));
  if (*edition != Edition::unknown) write_edition_file(a.dir, *edition);
  fmt::print(io.out, "wrote {} and {} ({})\n", m.up.string(), m.down.string(),
             plan.changes.size() == 1 ? "1 change" : fmt::format("{} changes", plan.changes.size()));
  return 0;
}

}  // namespace

int cmd_migrate_new(const MigrateNewArgs& a, Io io) {
  return guarded(io, [&] { return run_migrate_new(a, io); });
}

}  // namespace schemac

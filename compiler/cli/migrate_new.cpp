// `schemac migrate new`: write the next migration (UP, DOWN, snapshot) and record it in schemac.sum.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "plan/diff.hpp"
#include "migrate/edition_file.hpp"
#include "dsl/load.hpp"
#include "migrate/migrate.hpp"
#include "dsl/print.hpp"
#include "model/files.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

// The files of `migrate new NAME --empty`: UP and DOWN in the section format the runner reads (sql/script.hpp),
// one empty transactional section each to fill in by hand.
std::string empty_script(const std::string& stem, const std::string& name, const char* direction) {
  return fmt::format(
      "-- migration {0} ({1}): written by hand (`schemac migrate new {2} --empty`); the declared state does not\n"
      "-- change, so `plan` is not affected. Put the statements between BEGIN and COMMIT: they run in one\n"
      "-- transaction, recorded in the history with it. A statement that cannot run in a transaction block\n"
      "-- (CREATE INDEX CONCURRENTLY) goes alone in a section of its own after this one, opened by the line\n"
      "-- `-- schemac:section 2 no-transaction` (without BEGIN and COMMIT). After editing, run `schemac migrate hash`.\n"
      "\n"
      "-- schemac:section 1 transactional\n"
      "BEGIN;\n"
      "\n"
      "COMMIT;\n",
      stem, direction, name);
}

// The newest snapshot's declaration without its lineage line (write_migration writes the new one), or nothing.
std::string unchanged_snapshot(const MigrationDir& dir) {
  if (dir.migrations.empty()) return "";
  std::string text = read_file(dir.migrations.back().snapshot);
  if (!text.starts_with(kParentTag)) return text;
  size_t eol = text.find('\n');
  return eol == std::string::npos ? "" : text.substr(eol + 1);
}

// A hand-written migration (a data backfill, a batched copy): templates to fill in, the snapshot unchanged.
int run_migrate_new_empty(const MigrateNewArgs& a, const std::string& slug, Io io) {
  Diagnostics d;
  MigrationDir dir = read_migrations(a.dir, d);
  print_diagnostics(d, {}, io.err);
  if (has_errors(d)) return 1;
  int version = dir.migrations.empty() ? 1 : dir.migrations.back().version + 1;
  std::string stem = fmt::format("{:04}_{}", version, slug);
  Migration m = write_migration(dir, NewMigration{slug, empty_script(stem, a.name, "up"),
                                                  empty_script(stem, a.name, "down"), unchanged_snapshot(dir)});
  fmt::print(io.out, "wrote {} and {} to fill in by hand, then run `schemac migrate hash --dir {}`\n",
             m.up.string(), m.down.string(), a.dir);
  return 0;
}

int run_migrate_new(const MigrateNewArgs& a, Io io) {
  std::string slug = migration_slug(a.name);
  if (slug.empty())
    return report_error(fmt::format("migration name \"{}\" has no letters or digits", a.name),
                        "name it after what it does, e.g. `schemac migrate new add_trades`", io);
  if (a.empty) return run_migrate_new_empty(a, slug, io);
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

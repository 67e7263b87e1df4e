// `schemac migrate rebase`: re-plan a migration onto the snapshot of the one before it.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>

#include "plan/diff.hpp"
#include "model/files.hpp"
#include "dsl/load.hpp"
#include "migrate/merge.hpp"
#include "migrate/migrate.hpp"
#include "dsl/print.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

// The index of migration `version` in `dir`, after checking the ones before it follow each other; nullopt
// after printing why it cannot be rebased.
std::optional<size_t> rebase_target(const MigrationDir& dir, const std::string& version, Io io) {
  size_t digits = 0;
  while (digits < version.size() && std::isdigit(static_cast<unsigned char>(version[digits]))) ++digits;
  if (version.empty() || digits != version.size() || digits > 9) {
    report_error(fmt::format("\"{}\" is not a migration version", version),
                 "give the number its files start with, e.g. `schemac migrate rebase 0007`", io);
    return std::nullopt;
  }
  int v = std::stoi(version);
  auto it = std::find_if(dir.migrations.begin(), dir.migrations.end(), [&](auto& m) { return m.version == v; });
  if (it == dir.migrations.end()) {
    report_error(fmt::format("{}: no migration {:04}", shown_path(dir.path), v),
                 "`ls` the migrations directory for the version to rebase", io);
    return std::nullopt;
  }
  size_t index = static_cast<size_t>(it - dir.migrations.begin());
  if (index == 0) {
    report_error(fmt::format("{} is the first migration: there is nothing to rebase it onto", it->stem()),
                 "rebase the migration that was renumbered after a merge: the one the error names", io);
    return std::nullopt;
  }
  Diagnostics d;
  check_lineage(MigrationDir{dir.path, {dir.migrations.begin(), it}}, d);
  print_diagnostics(d, {}, io.err);
  if (has_errors(d)) {
    report_error(fmt::format("the migrations before {} do not follow each other", it->stem()),
                 "rebase the earliest of them first", io);
    return std::nullopt;
  }
  return index;
}

// The state the migration at `index` was planned on: the newest earlier snapshot with the recorded hash.
std::optional<Schema> rebase_base(const MigrationDir& dir, size_t index, const Snapshot& own, Io io) {
  const Migration& m = dir.migrations[index];
  if (own.parent.empty()) {
    report_error(fmt::format("{} has no lineage line: it was written before schemac recorded what a migration "
                             "was planned on, so its own change cannot be told apart",
                             m.stem()),
                 "re-create it: delete its three files, run `schemac migrate hash`, then `schemac migrate new " +
                     m.name + "` from the declaration",
                 io);
    return std::nullopt;
  }
  if (own.parent == "none") return Schema{};
  for (size_t i = index; i-- > 0;)
    if (read_snapshot(dir.migrations[i]).hash == own.parent) return load_snapshot(dir.migrations[i], io);
  report_error(fmt::format("{} was planned on {}, which is no longer among the migrations before it (edited or "
                           "removed), so its own change cannot be told apart",
                           m.stem(), own.parent_stem.empty() ? "a snapshot" : own.parent_stem),
               "restore that migration, or re-create this one: delete its three files, run `schemac migrate "
               "hash`, then `schemac migrate new " + m.name + "` from the declaration",
               io);
  return std::nullopt;
}

int run_migrate_rebase(const MigrateRebaseArgs& a, Io io) {
  Diagnostics d;
  MigrationDir dir = read_migrations(a.dir, d, /*lineage=*/false);
  print_diagnostics(d, {}, io.err);
  if (has_errors(d)) return 1;
  std::optional<size_t> index = rebase_target(dir, a.version, io);
  if (!index) return 1;
  const Migration& m = dir.migrations[*index];
  const Migration& prev = dir.migrations[*index - 1];
  Snapshot own = read_snapshot(m);
  if (own.parent == read_snapshot(prev).hash) {
    fmt::print(io.out, "{} is already planned on {}: nothing to rebase\n", m.stem(), prev.stem());
    return 0;
  }
  std::optional<Schema> base = rebase_base(dir, *index, own, io);
  if (!base) return 1;
  std::optional<Schema> ours = load_snapshot(prev, io), theirs = load_snapshot(m, io);
  if (!ours || !theirs) return 1;
  MergeResult merged = merge_schemas(*base, *ours, *theirs);
  if (!merged.conflicts.empty()) {
    std::string list;
    for (auto& c : merged.conflicts) list += "\n  - " + c;
    return report_error(fmt::format("cannot rebase {} onto {}: both changed the same objects:{}", m.stem(),
                                    prev.stem(), list),
                        "nothing was written; re-create it: delete its three files, run `schemac migrate hash`, "
                        "then `schemac migrate new " + m.name + "` from the merged declaration",
                        io);
  }
  // The merged state goes through the same checks as any declaration (a key or table one side removed).
  std::string snapshot = print_dsl(merged.schema);
  Loaded state = load_dsl_text(m.snapshot.string() + " (rebased)", snapshot);
  print_diagnostics(state, io.err);
  if (!state.ok()) return 1;
  std::optional<Edition> edition = target_edition(a.dir, a.edition, true, state.schema, io);
  if (!edition) return 1;
  Plan plan = diff(*ours, state.schema, diff_options(a.allow_destructive, *edition, a.retention_via_cron));
  print_diagnostics(plan.diagnostics, state.sources, io.err);
  if (has_errors(plan.diagnostics)) return 1;
  if (plan.empty())
    return report_error(fmt::format("rebased onto {}, {} changes nothing: its change is already made", prev.stem(),
                                    m.stem()),
                        "nothing was written; delete its three files and run `schemac migrate hash`", io);
  rewrite_migration(dir, *index, migration_text(plan, m.version, m.name, snapshot));
  fmt::print(io.out, "rebased {} onto {} ({}): rewrote its up, down and snapshot files and {}\n", m.stem(),
             prev.stem(), plan.changes.size() == 1 ? "1 change" : fmt::format("{} changes", plan.changes.size()),
             kSumFile);
  if (*index + 1 < dir.migrations.size())
    fmt::print(io.out, "the migrations after it were planned on its old snapshot: rebase them in turn, starting "
                       "with `schemac migrate rebase {:04}`\n",
               dir.migrations[*index + 1].version);
  return 0;
}

}  // namespace

int cmd_migrate_rebase(const MigrateRebaseArgs& a, Io io) {
  return guarded(io, [&] { return run_migrate_rebase(a, io); });
}

}  // namespace schemac

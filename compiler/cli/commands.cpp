#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <ostream>

#include "catalog/connect.hpp"
#include "plan/diff.hpp"
#include "migrate/edition_file.hpp"
#include "model/files.hpp"
#include "catalog/inspect.hpp"
#include "dsl/load.hpp"
#include "migrate/merge.hpp"
#include "migrate/migrate.hpp"
#include "catalog/preflight.hpp"
#include "sql/names.hpp"
#include "dsl/print.hpp"
#include "plan/report.hpp"

namespace schemac {

namespace {

int report_error(std::string_view message, std::string_view hint, Io io) {
  fmt::print(io.err, "error: {}\n", message);
  if (!hint.empty()) fmt::print(io.err, "  hint: {}\n", hint);
  return 1;
}

// Every command ends in one clear message for a file it cannot read or write or a database it cannot reach, and
// exit code 1, never in an exception.
int guarded(Io io, const std::function<int()>& run) {
  try {
    return run();
  } catch (const FileError& e) {
    return report_error(e.what(), e.hint, io);
  } catch (const DbError& e) {
    return report_error(e.what(), e.hint, io);
  } catch (const std::filesystem::filesystem_error& e) {
    return report_error(file_error(e.path1(), e.code().value(), "use").what(), "", io);
  }
}

// The migrations directory and the declared state its newest migration recorded (empty when there is none);
// nullopt after printing why it cannot be used. Warnings (stray files) are printed either way.
struct Recorded {
  MigrationDir dir;
  Schema state;
  std::string newest;  // stem of the newest migration, empty when there is none
};

// The declared state a migration's snapshot records; nullopt after printing why it cannot be read.
std::optional<Schema> load_snapshot(const Migration& m, Io io) {
  Loaded l = load_dsl_text(m.snapshot.string(), read_snapshot(m).dsl);
  print_diagnostics(l, io.err);
  if (!l.ok()) return std::nullopt;
  return std::move(l.schema);
}

std::optional<Recorded> recorded_state(const std::string& dir, Io io) {
  Diagnostics d;
  Recorded r{read_migrations(dir, d), {}, {}};
  print_diagnostics(d, {}, io.err);
  if (has_errors(d)) return std::nullopt;
  if (r.dir.migrations.empty()) return r;
  const Migration& last = r.dir.migrations.back();
  r.newest = last.stem();
  std::optional<Schema> state = load_snapshot(last, io);
  if (!state) return std::nullopt;
  r.state = std::move(*state);
  return r;
}

// The CLI checked --edition against the names already.
Edition edition_of(const std::string& name) { return edition_from_name(name).value_or(Edition::unknown); }

DiffOptions diff_options(bool allow_destructive, Edition edition, bool retention_via_cron) {
  DiffOptions o;
  o.allow_destructive = allow_destructive;
  o.edition = edition;
  o.apache_retention_via_cron = retention_via_cron;
  return o;
}

// The edition an offline plan or a new migration is written for: --edition when given, else what the migrations
// directory records; nullopt after saying why when --edition contradicts the record, or when `required` and
// a declaration that uses TimescaleDB has neither.
std::optional<Edition> target_edition(const std::string& dir, const std::string& flag, bool required,
                                      const Schema& declared, Io io) {
  Edition requested = edition_of(flag), recorded = read_edition_file(dir);
  std::string file = shown_path(std::filesystem::path(dir) / kEditionFile);
  if (requested != Edition::unknown && recorded != Edition::unknown && requested != recorded) {
    report_error(fmt::format("--edition {}: the migrations in {} are written for the {} edition ({})", flag,
                             dir, edition_name(recorded), file),
                 fmt::format("to change the target deliberately: `schemac migrate edition {} --dir {}`; migrations "
                             "already written stay as they are",
                             flag, dir),
                 io);
    return std::nullopt;
  }
  Edition edition = requested == Edition::unknown ? recorded : requested;
  if (edition == Edition::unknown && required && declared.find_extension("timescaledb")) {
    report_error(fmt::format("choose the TimescaleDB edition the migrations in {} are written for", dir),
                 "add `--edition timescale` (retention and compression policies) or `--edition apache`; it is "
                 "recorded in " + file + " for the migrations after it",
                 io);
    return std::nullopt;
  }
  return edition;
}

// Connects to the database named by --db, $DATABASE_URL or .env. A URL libpq cannot read is not shown (it may
// hold a password), so the message says where it came from instead.
Connection connect_to(const std::optional<std::string>& flag) {
  auto url = resolve_url(flag);
  if (!url)
    throw DbError(DbError::Kind::no_url, "no database given",
                  "pass --db URL, set DATABASE_URL, or put DATABASE_URL=... in ./.env");
  try {
    return connect(url->url);
  } catch (const DbError& e) {
    if (e.kind != DbError::Kind::bad_url) throw;
    throw DbError(e.kind, fmt::format("{} (from {})", e.what(), url->source), e.hint);
  }
}

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

int run_check(const std::string& file, Io io) {
  Loaded l = load_dsl(file);
  print_diagnostics(l, io.err);
  if (!l.ok()) return 1;
  fmt::print(io.out, "{}: ok ({} tables, {} enums)\n", file, l.schema.tables.size(), l.schema.enums.size());
  return 0;
}

int run_fmt(const FmtArgs& a, Io io) {
  // fmt needs only a valid syntax tree: a file with semantic errors can still be laid out.
  Loaded l = load_dsl(a.file, /*syntax_only=*/true);
  print_diagnostics(l, io.err);
  if (!l.ok()) return 1;
  std::string text = print_dsl(l.schema);
  if (a.file == "-") {
    io.out << text;
    return 0;
  }
  bool clean = l.sources.begin()->second == text;
  if (a.check) {
    if (!clean) fmt::print(io.err, "{}: not formatted; run `schemac fmt {}`\n", a.file, a.file);
    return clean ? 0 : 2;
  }
  write_file_if_changed(a.file, text);
  return 0;
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

// A migration's files: the plan's UP and DOWN with their headers, and the declared state after it.
NewMigration migration_text(const Plan& plan, int version, const std::string& slug, std::string snapshot) {
  std::string stem = fmt::format("{:04}_{}", version, slug);
  return NewMigration{slug, plan_sql(plan, "migration " + stem + " (up)"),
                      plan_header(plan, "migration " + stem + " (down)") + "\n" + plan_down_sql(plan),
                      std::move(snapshot)};
}

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

int run_migrate_edition(const std::string& dir, const std::string& name, Io io) {
  Edition recorded = read_edition_file(dir), edition = edition_of(name);
  if (edition == Edition::unknown) {
    fmt::print(io.out, "{}\n", recorded == Edition::unknown ? "none recorded" : edition_name(recorded));
    return 0;
  }
  if (!std::filesystem::is_directory(dir))
    return report_error(fmt::format("{}: no migrations directory", shown_path(dir)),
                        "pass --dir with the migrations directory; `schemac migrate new` creates it", io);
  write_edition_file(dir, edition);
  if (recorded == edition) fmt::print(io.out, "{} already targets the {} edition\n", dir, name);
  else
    fmt::print(io.out, "{} now targets the {} edition{}; migrations already written are not changed\n", dir, name,
               recorded == Edition::unknown ? "" : fmt::format(" (was {})", edition_name(recorded)));
  return 0;
}

// Only naming problems stop it: the sum's own complaints (edited or unrecorded files) are what it is run to
// settle, but a sum written past a malformed file would record a directory that cannot be read back.
int run_migrate_hash(const std::string& dir, Io io) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(dir, ec)))
    return report_error(fmt::format("{}: no migrations directory", shown_path(dir)),
                        "pass --dir with the migrations directory; `schemac migrate new` creates it", io);
  Diagnostics d;
  migration_files(dir, d);
  print_diagnostics(d, {}, io.err);
  if (has_errors(d)) return 1;
  write_file_if_changed(std::filesystem::path(dir) / kSumFile, sum_text(dir));
  fmt::print(io.out, "rewrote {}/{}\n", dir, kSumFile);
  return 0;
}

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

int run_pull(const PullArgs& a, Io io) {
  Connection conn = connect_to(a.db);
  InspectOptions opts;
  opts.schemas = a.schemas;
  Schema live = inspect(conn.get(), opts).schema;
  for (auto& t : live.tables)  // TimescaleDB's own index is the hypertable's, not a declaration
    std::erase_if(t.indexes, [&](const Index& ix) { return is_timescale_default_index(t, ix); });
  io.out << print_dsl(live);
  return 0;
}

}  // namespace

int cmd_check(const std::string& file, Io io) {
  return guarded(io, [&] { return run_check(file, io); });
}
int cmd_fmt(const FmtArgs& a, Io io) {
  return guarded(io, [&] { return run_fmt(a, io); });
}
int cmd_plan(const PlanArgs& a, Io io) {
  return guarded(io, [&] { return run_plan(a, io); });
}
int cmd_migrate_new(const MigrateNewArgs& a, Io io) {
  return guarded(io, [&] { return run_migrate_new(a, io); });
}
int cmd_migrate_hash(const std::string& dir, Io io) {
  return guarded(io, [&] { return run_migrate_hash(dir, io); });
}
int cmd_migrate_edition(const std::string& dir, const std::string& edition, Io io) {
  return guarded(io, [&] { return run_migrate_edition(dir, edition, io); });
}
int cmd_migrate_rebase(const MigrateRebaseArgs& a, Io io) {
  return guarded(io, [&] { return run_migrate_rebase(a, io); });
}
int cmd_pull(const PullArgs& a, Io io) {
  return guarded(io, [&] { return run_pull(a, io); });
}

}  // namespace schemac

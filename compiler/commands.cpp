#include "commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "load.hpp"
#include "migrate.hpp"
#include "names.hpp"
#include "connect.hpp"
#include "diff.hpp"
#include "inspect.hpp"
#include "print.hpp"
#include "report.hpp"

namespace schemac {

int cmd_check(const std::string& file, Io io) {
  Loaded l = load_dsl(file);
  print_diagnostics(l, io.err);
  if (!l.ok()) return 1;
  fmt::print(io.out, "{}: ok ({} tables, {} enums)\n", file, l.schema.tables.size(), l.schema.enums.size());
  return 0;
}

int cmd_fmt(const FmtArgs& a, Io io) {
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

}  // namespace schemac

namespace schemac {

namespace {

// The declared state recorded by the newest migration, or an empty schema when there is none.
std::optional<Schema> recorded_state(const std::string& dir, Io io, std::string* newest = nullptr) {
  Diagnostics d;
  MigrationDir md = read_migrations(dir, d);
  if (has_errors(d)) {
    print_diagnostics(d, {}, io.err);
    return std::nullopt;
  }
  if (md.migrations.empty()) return Schema{};
  const Migration& last = md.migrations.back();
  if (newest) *newest = last.stem();
  Loaded l = load_dsl_text(last.snapshot.string(), read_file(last.snapshot));
  print_diagnostics(l, io.err);
  if (!l.ok()) return std::nullopt;
  return std::move(l.schema);
}

Edition edition_of(const std::string& license) {
  if (license == "apache") return Edition::apache;
  if (license == "timescale") return Edition::timescale;
  return Edition::unknown;
}

DiffOptions diff_options(bool allow_destructive, const std::string& edition, bool retention_via_cron) {
  DiffOptions o;
  o.allow_destructive = allow_destructive;
  o.edition = edition_of(edition);
  o.apache_retention_via_cron = retention_via_cron;
  return o;
}

int db_failure(const DbError& e, Io io) {
  fmt::print(io.err, "error: {}\n", e.what());
  if (!e.hint.empty()) fmt::print(io.err, "  hint: {}\n", e.hint);
  return 1;
}

std::optional<std::string> database_url(const std::optional<std::string>& flag, Io io) {
  auto url = resolve_url(flag);
  if (!url) {
    fmt::print(io.err, "error: no database given\n  hint: pass --db URL, set DATABASE_URL, or put "
                       "DATABASE_URL=... in ./.env\n");
    return std::nullopt;
  }
  return url->url;
}

// Diffs `to` against the live catalog; expressions are put in the server's own form first so that text the
// server rewrites (IN lists, casts) does not show up as a change.
std::optional<Plan> plan_against_db(const std::string& url, Schema& to, DiffOptions opts, Io io) {
  try {
    Connection conn = connect(url);
    Catalog live = inspect(conn.get());
    NormaliseResult n = normalise_expressions(conn.get(), to, &live.schema);
    for (auto& f : n.failed)
      fmt::print(io.err, "warning: could not normalise the expressions of {} (compared as written)\n", f);
    opts.edition = edition_of(live.edition);
    return diff(live.schema, to, opts);
  } catch (const DbError& e) {
    db_failure(e, io);
    return std::nullopt;
  }
}

void print_plan(const Plan& plan, const std::string& format, Io io) {
  if (format == "json") io.out << plan_json(plan);
  else if (format == "markdown") io.out << plan_markdown(plan, "schemac plan");
  else io.out << plan_sql(plan, "schemac plan");
}

}  // namespace

int cmd_plan(const PlanArgs& a, Io io) {
  Loaded declared = load_dsl(a.file);
  print_diagnostics(declared, io.err);
  if (!declared.ok()) return 1;
  DiffOptions opts = diff_options(a.allow_destructive, a.edition, a.retention_via_cron);
  std::optional<Plan> plan;
  if (a.db) {
    auto url = database_url(a.db, io);
    if (!url) return 1;
    plan = plan_against_db(*url, declared.schema, opts, io);
  } else {
    std::optional<Schema> from;
    if (a.from) {
      Loaded f = load_dsl(*a.from);
      print_diagnostics(f, io.err);
      if (f.ok()) from = std::move(f.schema);
    } else {
      from = recorded_state(a.dir, io);
    }
    if (from) plan = diff(*from, declared.schema, opts);
  }
  if (!plan) return 1;
  print_diagnostics(plan->diagnostics, declared.sources, io.err);
  print_plan(*plan, a.format, io);
  if (has_errors(plan->diagnostics)) return 1;
  return a.exit_code && !plan->empty() ? 2 : 0;
}

int cmd_migrate_new(const MigrateNewArgs& a, Io io) {
  std::string slug = migration_slug(a.name);
  if (slug.empty()) {
    fmt::print(io.err, "error: migration name \"{}\" has no letters or digits\n  hint: name it after what it does, "
                       "e.g. `schemac migrate new add_trades`\n", a.name);
    return 1;
  }
  Loaded declared = load_dsl(a.file);
  print_diagnostics(declared, io.err);
  if (!declared.ok()) return 1;
  std::string newest;
  std::optional<Schema> from = recorded_state(a.dir, io, &newest);
  if (!from) return 1;
  Plan plan = diff(*from, declared.schema, diff_options(a.allow_destructive, a.edition, a.retention_via_cron));
  print_diagnostics(plan.diagnostics, declared.sources, io.err);
  if (has_errors(plan.diagnostics)) return 1;
  if (plan.empty()) {
    fmt::print(io.out, "no changes: {} matches {}; nothing written\n", a.file,
               newest.empty() ? "an empty database" : newest);
    return 0;
  }
  Diagnostics d;
  MigrationDir dir = read_migrations(a.dir, d);
  int version = dir.migrations.empty() ? 1 : dir.migrations.back().version + 1;
  std::string stem = fmt::format("{:04}_{}", version, slug);
  Migration m = write_migration(
      dir, NewMigration{slug, plan_sql(plan, "migration " + stem + " (up)"),
                        plan_header(plan, "migration " + stem + " (down)") + "\n" + plan_down_sql(plan),
                        print_dsl(declared.schema)});
  fmt::print(io.out, "wrote {} and {} ({})\n", m.up.string(), m.down.string(),
             plan.changes.size() == 1 ? "1 change" : fmt::format("{} changes", plan.changes.size()));
  return 0;
}

int cmd_migrate_hash(const std::string& dir, Io io) {
  write_file_if_changed(std::filesystem::path(dir) / kSumFile, sum_text(dir));
  fmt::print(io.out, "rewrote {}/{}\n", dir, kSumFile);
  return 0;
}

int cmd_pull(const PullArgs& a, Io io) {
  auto url = database_url(a.db, io);
  if (!url) return 1;
  try {
    Connection conn = connect(*url);
    InspectOptions opts;
    opts.schemas = a.schemas;
    Schema live = inspect(conn.get(), opts).schema;
    for (auto& t : live.tables)  // TimescaleDB's own index is the hypertable's, not a declaration
      std::erase_if(t.indexes, [&](const Index& ix) { return is_timescale_default_index(t, ix); });
    io.out << print_dsl(live);
    return 0;
  } catch (const DbError& e) {
    return db_failure(e, io);
  }
}

}  // namespace schemac

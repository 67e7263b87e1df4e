#include "cli/common.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <functional>

#include "catalog/connect.hpp"
#include "plan/diff.hpp"
#include "migrate/edition_file.hpp"
#include "model/files.hpp"
#include "dsl/load.hpp"
#include "migrate/migrate.hpp"
#include "plan/report.hpp"

namespace schemac {

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

void report_catalog(const Catalog& cat, Io io) {
  for (const std::string& m : cat.unmodelled) fmt::print(io.err, "warning: {}\n", m);
  for (const std::string& m : cat.not_managed) fmt::print(io.err, "note: not managed by schemac, left alone: {}\n", m);
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

// A migration's files: the plan's UP and DOWN with their headers, and the declared state after it.
NewMigration migration_text(const Plan& plan, int version, const std::string& slug, std::string snapshot) {
  std::string stem = fmt::format("{:04}_{}", version, slug);
  return NewMigration{slug, plan_sql(plan, "migration " + stem + " (up)"),
                      plan_header(plan, "migration " + stem + " (down)") + "\n" + plan_down_sql(plan),
                      std::move(snapshot)};
}

}  // namespace schemac

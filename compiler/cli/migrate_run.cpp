#include "cli/migrate_run.hpp"

#include <fmt/format.h>

#include <sstream>

#include "catalog/preflight.hpp"
#include "cli/common.hpp"
#include "cli/migrate_targets.hpp"
#include "migrate/edition_file.hpp"
#include "migrate/migrate.hpp"
#include "model/files.hpp"
#include "sql/script.hpp"
#include "dsl/load.hpp"

namespace schemac {

namespace {

std::vector<runtime::Section> sections_of(const std::filesystem::path& file, const std::string& text,
                                          Diagnostics& diags) {
  std::vector<runtime::Section> out;
  for (Section& s : split_script(shown_path(file), text, diags)) {
    runtime::Section r{s.transactional, std::move(s.statements), {}};
    for (const Loc& l : s.statement_locs) r.origins.push_back(fmt::format("{}:{}:{}", l.file, l.line, l.col));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::optional<std::vector<runtime::Migration>> runtime_migrations(const std::string& dir, Io io,
                                                                  MigrationDir* files) {
  Diagnostics d;
  MigrationDir md = read_migrations(dir, d);
  std::vector<runtime::Migration> out;
  if (!has_errors(d))
    for (const Migration& m : md.migrations) {
      std::string up = read_file(m.up);
      out.push_back({m.version, m.name, "h1:" + sha256_hex(up), sections_of(m.up, up, d),
                     sections_of(m.down, read_file(m.down), d)});
    }
  print_diagnostics(d, {}, io.err);
  if (has_errors(d)) return std::nullopt;
  if (files) *files = std::move(md);
  return out;
}

std::mutex& compiler_mutex() {
  static std::mutex m;
  return m;
}

void preflight_run(PGconn* conn, const MigrationDir& files) {
  if (files.migrations.empty()) return;
  std::lock_guard<std::mutex> hold(compiler_mutex());
  std::ostringstream diags;
  std::optional<Schema> declared = load_snapshot(files.migrations.back(), Io{diags, diags});
  if (!declared)
    throw runtime::Error("cannot read " + files.migrations.back().stem() + "'s snapshot:\n" + diags.str(),
                         "restore the snapshot from version control");
  Edition recorded = read_edition_file(files.path);
  Catalog live = inspect(conn);
  Diagnostics refusals = preflight(live, *declared, {live.edition, false}, recorded,
                                   shown_path(files.path / kEditionFile));
  for (const Diagnostic& d : refusals)
    if (d.severity == Diagnostic::Severity::error)
      throw runtime::Error(d.loc.known() ? fmt::format("{}:{}:{}: {}", d.loc.file, d.loc.line, d.loc.col, d.message)
                                         : d.message,
                           d.hint);
}

runtime::RunOptions run_options(const MigrateRunArgs& a, TargetRun& t) {
  runtime::RunOptions o;
  o.lock_wait_ms = a.lock_wait_ms;
  o.lock_timeout = a.lock_timeout;
  o.statement_timeout = a.statement_timeout;
  o.dry_run = a.dry_run;
  o.on_done = [&t](const runtime::Done& d) { t.done(d); };
  o.progress_every_ms = a.progress_every_ms;
  o.on_progress = [&t](const runtime::Progress& p) {
    t.line(fmt::format("  ... {}: still running after {} s", p.where, p.elapsed_ms / 1000));
  };
  return o;
}

int guarded_run(Io io, const std::function<int()>& run) {
  return guarded(io, [&] {
    try {
      return run();
    } catch (const runtime::Error& e) {
      return report_error(e.what(), e.hint, io);
    }
  });
}

int run_migrations(const MigrateRunArgs& a, Io io, const MigrationsFn& one, bool pending_is_2) {
  return guarded_run(io, [&] {
    RunMigrations m;
    auto ms = runtime_migrations(a.dir, io, &m.files);
    if (!ms) return 1;
    m.migrations = std::move(*ms);
    return run_on_targets(a, io, [&](PGconn* conn, TargetRun& t) { one(conn, m, t); }, pending_is_2);
  });
}

}  // namespace schemac

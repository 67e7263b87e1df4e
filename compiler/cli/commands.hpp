#pragma once
// What each `schemac` subcommand does, separate from main.cpp's flag wiring so tests can call them.
// Every function returns the process exit code: 0 ok, 1 error, 2 "changes pending" / "not formatted".

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace schemac {

struct Io {
  std::ostream& out;
  std::ostream& err;
};

int cmd_check(const std::string& file, Io io);

struct FmtArgs {
  std::string file = "schema.dsl";
  bool check = false;  // report instead of rewriting
};
int cmd_fmt(const FmtArgs& a, Io io);

struct PlanArgs {
  std::string file = "schema.dsl";
  std::optional<std::string> db;    // plan against a live database
  std::vector<std::string> schemas;  // with --db: only these schemas of it (empty = all)
  std::optional<std::string> from;  // plan against another declaration instead of migrations/
  std::string dir = "migrations";
  std::string format = "sql";       // sql | json | markdown
  bool allow_destructive = false;
  bool exit_code = false;           // exit 2 when changes are pending
  std::string edition;              // offline: "apache" or "timescale"; with --db the server says
  bool retention_via_cron = false;  // Apache edition: schedule drop_chunks with pg_cron instead of refusing
};
int cmd_plan(const PlanArgs& a, Io io);

struct MigrateNewArgs {
  std::string name;
  std::string file = "schema.dsl";
  std::string dir = "migrations";
  bool allow_destructive = false;
  std::string edition;
  bool retention_via_cron = false;
  bool empty = false;  // write UP/DOWN templates to fill in by hand; the snapshot stays the newest one's
};
int cmd_migrate_new(const MigrateNewArgs& a, Io io);

// Rewrites schemac.sum after a deliberate edit or a resolved merge.
int cmd_migrate_hash(const std::string& dir, Io io);

// Prints the TimescaleDB edition the directory targets (edition_file.hpp), or sets it when `edition` is given.
int cmd_migrate_edition(const std::string& dir, const std::string& edition, Io io);
struct MigrateRebaseArgs {
  std::string version;  // NNNN
  std::string dir = "migrations";
  bool allow_destructive = false;
  std::string edition;
  bool retention_via_cron = false;
};
// Re-plans a migration onto the snapshot of the one before it now (after a renumbered parallel migration): its
// own change (from the state it was planned on to its snapshot) merged on top, refused on a conflict.
int cmd_migrate_rebase(const MigrateRebaseArgs& a, Io io);

// `schemac migrate up|down|status|history`: the runtime's engine (runtime/include/schemac/migrations.hpp) on
// the migrations in `dir`, against --db.
struct MigrateRunArgs {
  std::vector<std::string> dbs;        // --db, repeatable
  std::optional<std::string> targets;  // --targets FILE: one URL a line
  int jobs = 1;                        // targets run at once
  bool fail_fast = false;              // a failed target stops the ones not started yet
  std::string format = "text";         // text | json
  std::string dir = "migrations";
  std::optional<int> to, steps;
  int baseline = 0;        // baseline: the version to mark the database as being at; repair: the edited one
  bool dry_run = false;
  bool exit_code = false;  // status: exit 2 when something is pending
  int lock_wait_ms = 30000;
  std::string lock_timeout = "5s", statement_timeout = "0";
  int progress_every_ms = 10000;  // a line while one statement runs this long, and again each time; 0: none
};
int cmd_migrate_up(const MigrateRunArgs& a, Io io);
int cmd_migrate_down(const MigrateRunArgs& a, Io io);
int cmd_migrate_status(const MigrateRunArgs& a, Io io);
int cmd_migrate_history(const MigrateRunArgs& a, Io io);
// Records the migrations up to a.baseline as applied without running them (runtime::baseline).
int cmd_migrate_baseline(const MigrateRunArgs& a, Io io);
// Records the edited file of applied migration a.baseline as the one applied (runtime::accept_edit).
int cmd_migrate_repair(const MigrateRunArgs& a, Io io);

// `schemac generate`: C++ headers for the declaration in `out` (codegen/generate.hpp).
struct GenerateArgs {
  std::string file = "schema.dsl";
  std::string out;
  std::optional<std::string> templates;  // a directory of .mustache files overriding the built-in ones
  bool check = false;                    // write nothing; exit 2 when a file in `out` is stale
};
int cmd_generate(const GenerateArgs& a, Io io);
// The command line the generated headers name, paths shown so it is the same on every machine.
std::string generate_command_line(const GenerateArgs& a);

struct PullArgs {
  std::optional<std::string> db;
  std::vector<std::string> schemas;
};
int cmd_pull(const PullArgs& a, Io io);

}  // namespace schemac

// schemac command line: CLI11 wiring only; every command's work lives in commands.cpp and the stages.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "model/timescale.hpp"

namespace {

// Migration versions are decimal as the file names write them: CLI11 alone would read `--to 0010` as octal 8.
const CLI::Validator kVersion(
    [](std::string& s) {
      if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
        return std::string("a migration version is digits, e.g. 3 or 0003");
      s.erase(0, std::min(s.find_first_not_of('0'), s.size() - 1));
      return std::string();
    },
    "VERSION", "version");

void add_edition_options(CLI::App* cmd, std::string& edition, bool& via_cron) {
  cmd->add_option("--edition", edition, "TimescaleDB license to plan for offline (with --db the server says)")
      ->check(CLI::IsMember(schemac::edition_names()));
  cmd->add_flag("--retention-via-cron", via_cron,
                "on the Apache edition, schedule drop_chunks with pg_cron instead of refusing retention");
}

// The flags `migrate up`, `down`, `status` and `history` share.
void add_run_options(CLI::App* cmd, schemac::MigrateRunArgs& a, bool runs) {
  cmd->add_option("--db", a.dbs, "database (libpq URL or conninfo; default $DATABASE_URL or .env); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--targets", a.targets, "file of databases, one URL a line (# comments), as if each were --db");
  cmd->add_option("--jobs", a.jobs, "databases run at once (default 1: one after another, in order)")
      ->check(CLI::PositiveNumber);
  if (runs)
    cmd->add_option("--progress-every", a.progress_every_ms,
                    "milliseconds: a line while one statement runs that long, again each time (0: none)")
        ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--fail-fast", a.fail_fast, "after a database fails, start no other (default: go on)");
  cmd->add_option("--dir", a.dir, "migrations directory (default ./migrations)");
  cmd->add_option("--format", a.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  if (!runs) return;
  cmd->add_flag("--dry-run", a.dry_run, "change nothing; print what would run");
  cmd->add_option("--lock-wait", a.lock_wait_ms, "milliseconds to wait for another run's lock (default 30000)");
  cmd->add_option("--lock-timeout", a.lock_timeout, "lock_timeout for each statement (default 5s)");
  cmd->add_option("--statement-timeout", a.statement_timeout, "statement_timeout (default 0: none)");
}

int run(int argc, char** argv) {
  using namespace schemac;
  CLI::App app{"schemac: schema-as-code compiler for PostgreSQL and TimescaleDB"};
  app.set_version_flag("--version", SCHEMAC_VERSION);
  app.require_subcommand(1);
  Io io{std::cout, std::cerr};
  int rc = 0;

  std::string check_file = "schema.dsl";
  auto* check = app.add_subcommand("check", "Parse and validate a schema; errors as file:line:col");
  check->add_option("FILE", check_file, "schema file (default ./schema.dsl, - for stdin)");
  check->callback([&] { rc = cmd_check(check_file, io); });

  FmtArgs fmt_args;
  auto* fmt = app.add_subcommand("fmt", "Rewrite a schema in canonical layout (comments kept)");
  fmt->add_option("FILE", fmt_args.file, "schema file (default ./schema.dsl, - for stdin to stdout)");
  fmt->add_flag("--check", fmt_args.check, "change nothing; exit 2 if the file is not formatted");
  fmt->callback([&] { rc = cmd_fmt(fmt_args, io); });

  PlanArgs plan_args;
  auto* plan = app.add_subcommand("plan", "Show the changes from the recorded (or live) state to the declaration");
  plan->add_option("FILE", plan_args.file, "schema file (default ./schema.dsl)");
  plan->add_option("--db", plan_args.db, "plan against this database (libpq URL or conninfo; else migrations/)");
  plan->add_option("--schema", plan_args.schemas,
                   "with --db: only these schemas (repeatable); the others are neither read nor dropped");
  plan->add_option("--from", plan_args.from, "plan against another declaration file instead");
  plan->add_option("--dir", plan_args.dir, "migrations directory (default ./migrations)");
  plan->add_option("--format", plan_args.format, "sql, json or markdown")
      ->check(CLI::IsMember({"sql", "json", "markdown"}));
  plan->add_flag("--allow-destructive", plan_args.allow_destructive, "permit drops and narrowing changes");
  plan->add_flag("--exit-code", plan_args.exit_code, "exit 2 when changes are pending");
  add_edition_options(plan, plan_args.edition, plan_args.retention_via_cron);
  plan->callback([&] { rc = cmd_plan(plan_args, io); });

  auto* migrate = app.add_subcommand("migrate", "Versioned migrations in migrations/");
  migrate->require_subcommand(1);
  MigrateNewArgs new_args;
  auto* mnew = migrate->add_subcommand("new", "Write NNNN_NAME.up.sql/.down.sql for the pending changes");
  mnew->add_option("NAME", new_args.name, "what the migration does, e.g. add_trades")->required();
  mnew->add_option("--file", new_args.file, "schema file (default ./schema.dsl)");
  mnew->add_option("--dir", new_args.dir, "migrations directory (default ./migrations)");
  mnew->add_flag("--allow-destructive", new_args.allow_destructive, "permit drops and narrowing changes");
  mnew->add_flag("--empty", new_args.empty,
                 "write UP/DOWN templates to fill in by hand (a data backfill); the declared state unchanged");
  add_edition_options(mnew, new_args.edition, new_args.retention_via_cron);
  mnew->callback([&] { rc = cmd_migrate_new(new_args, io); });
  std::string hash_dir = "migrations";
  auto* mhash = migrate->add_subcommand("hash", "Rewrite schemac.sum after a deliberate edit or merge");
  mhash->add_option("--dir", hash_dir, "migrations directory (default ./migrations)");
  mhash->callback([&] { rc = cmd_migrate_hash(hash_dir, io); });
  std::string edition_dir = "migrations", edition;
  auto* medition = migrate->add_subcommand("edition", "Show or set the TimescaleDB edition the migrations target");
  medition->add_option("EDITION", edition, "apache or timescale (without it: show the recorded one)")
      ->check(CLI::IsMember(schemac::edition_names()));
  medition->add_option("--dir", edition_dir, "migrations directory (default ./migrations)");
  medition->callback([&] { rc = cmd_migrate_edition(edition_dir, edition, io); });
  MigrateRebaseArgs rebase_args;
  auto* mrebase = migrate->add_subcommand("rebase", "Re-plan migration NNNN onto the snapshot before it now");
  mrebase->add_option("NNNN", rebase_args.version, "the version of the migration to rebase, e.g. 0007")->required();
  mrebase->add_option("--dir", rebase_args.dir, "migrations directory (default ./migrations)");
  mrebase->add_flag("--allow-destructive", rebase_args.allow_destructive, "permit drops and narrowing changes");
  add_edition_options(mrebase, rebase_args.edition, rebase_args.retention_via_cron);
  mrebase->callback([&] { rc = cmd_migrate_rebase(rebase_args, io); });

  MigrateRunArgs up_args, down_args, status_args, history_args, baseline_args;
  auto* mup = migrate->add_subcommand("up", "Apply the pending migrations to --db");
  add_run_options(mup, up_args, true);
  mup->add_option("--to", up_args.to, "stop after this version")->transform(kVersion);
  mup->callback([&] { rc = cmd_migrate_up(up_args, io); });
  auto* mdown = migrate->add_subcommand("down", "Roll back the newest migration (or --steps N, or down --to N)");
  add_run_options(mdown, down_args, true);
  auto* steps = mdown->add_option("--steps", down_args.steps, "roll back this many migrations")
                    ->check(CLI::PositiveNumber);
  mdown->add_option("--to", down_args.to, "roll back every migration above this version (0: all)")
      ->transform(kVersion)
      ->excludes(steps);
  mdown->callback([&] { rc = cmd_migrate_down(down_args, io); });
  auto* mstatus = migrate->add_subcommand("status", "Applied, pending, edited and missing migrations of --db");
  add_run_options(mstatus, status_args, false);
  mstatus->add_flag("--exit-code", status_args.exit_code, "exit 2 when a migration is pending");
  mstatus->callback([&] { rc = cmd_migrate_status(status_args, io); });
  auto* mhistory = migrate->add_subcommand("history", "The migrations recorded in --db's schemac.migrations");
  add_run_options(mhistory, history_args, false);
  mhistory->callback([&] { rc = cmd_migrate_history(history_args, io); });

  auto* mbaseline = migrate->add_subcommand(
      "baseline", "Mark --db as being at version N without running anything (a database built before schemac)");
  mbaseline->add_option("N", baseline_args.baseline, "the version the database already is at, e.g. 1")
      ->required()
      ->transform(kVersion);
  add_run_options(mbaseline, baseline_args, true);
  mbaseline->callback([&] { rc = cmd_migrate_baseline(baseline_args, io); });

  MigrateRunArgs repair_args;
  auto* mrepair = migrate->add_subcommand(
      "repair", "Accept a deliberate edit (a comment, reformatting) of applied migration N: record its new checksum");
  mrepair->add_option("N", repair_args.baseline, "the applied migration whose file was edited, e.g. 3")
      ->required()
      ->transform(kVersion);
  add_run_options(mrepair, repair_args, true);
  mrepair->callback([&] { rc = cmd_migrate_repair(repair_args, io); });

  PullArgs pull_args;
  auto* pull = app.add_subcommand("pull", "Print a live database as schema.dsl");
  pull->add_option("--db", pull_args.db, "database (libpq URL or conninfo; default $DATABASE_URL or .env)");
  pull->add_option("--schema", pull_args.schemas, "only these schemas (repeatable)");
  pull->callback([&] { rc = cmd_pull(pull_args, io); });

  GenerateArgs gen_args;
  auto* gen = app.add_subcommand("generate", "Write C++ records and typed functions for the schema's tables");
  gen->add_option("FILE", gen_args.file, "schema file (default ./schema.dsl)");
  gen->add_option("--out", gen_args.out, "directory to write the headers into")->required();
  gen->add_option("--templates", gen_args.templates, "directory of .mustache files overriding the built-in ones");
  gen->add_flag("--check", gen_args.check, "write nothing; exit 2 when a file in --out is stale");
  gen->callback([&] { rc = cmd_generate(gen_args, io); });

  CLI11_PARSE(app, argc, argv);
  return rc;
}

}  // namespace

// Commands report their own errors; anything that still escapes is a bug, but it ends in one line and exit code 1,
// not in `terminate called` and an abort.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n  hint: this is a bug in schemac; please report it with the command\n";
  } catch (...) {
    std::cerr << "error: unexpected failure\n  hint: this is a bug in schemac; please report it with the command\n";
  }
  return 1;
}

#pragma once
// What the subcommands share: the one way they report an error, the guard that turns file and database failures
// into it, the recorded state of a migrations directory, the edition a plan targets, the database connection.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "cli/commands.hpp"
#include "migrate/migrate.hpp"
#include "model/model.hpp"
#include "model/timescale.hpp"
#include "plan/diff.hpp"

namespace schemac {

// Prints `error: message` and the hint; returns exit code 1.
int report_error(std::string_view message, std::string_view hint, Io io);

// Every command ends in one clear message for a file it cannot read or write or a database it cannot reach, and
// exit code 1, never in an exception.
int guarded(Io io, const std::function<int()>& run);

// The migrations directory and the declared state its newest migration recorded (empty when there is none).
struct Recorded {
  MigrationDir dir;
  Schema state;
  std::string newest;  // stem of the newest migration, empty when there is none
};
// nullopt after printing why the directory cannot be used. Warnings (stray files) are printed either way.
std::optional<Recorded> recorded_state(const std::string& dir, Io io);

// The declared state a migration's snapshot records; nullopt after printing why it cannot be read.
std::optional<Schema> load_snapshot(const Migration& m, Io io);

// --edition as the CLI checked it ("" is unknown).
Edition edition_of(const std::string& name);
DiffOptions diff_options(bool allow_destructive, Edition edition, bool retention_via_cron);

// The edition an offline plan or a new migration is written for: --edition when given, else what the migrations
// directory records; nullopt after saying why when --edition contradicts the record, or when `required` and
// a declaration that uses TimescaleDB has neither.
std::optional<Edition> target_edition(const std::string& dir, const std::string& flag, bool required,
                                      const Schema& declared, Io io);

// A migration's files: the plan's UP and DOWN with their headers, and the declared state after it.
NewMigration migration_text(const Plan& plan, int version, const std::string& slug, std::string snapshot);

// Warns of each thing the catalog holds that the model cannot (Catalog::unmodelled), and notes once what schemac
// leaves alone (Catalog::not_managed), on io.err.
void report_catalog(const Catalog& cat, Io io);

// Connects to the database named by --db, $DATABASE_URL or .env.
Connection connect_to(const std::optional<std::string>& flag);

}  // namespace schemac

#pragma once
// The databases a `migrate up/down/status/history/baseline` run targets, and how it reports on each: text lines
// as they happen (prefixed with the target when there are several), or one JSON document at the end
// (--format json), then, for several targets, a summary table. A target is shown only as redact_url shows it.

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "model/json.hpp"
#include "schemac/migrations.hpp"

namespace schemac {

struct Database {
  std::string url;     // never printed
  std::string source;  // where it was given: "--db", "DATABASE_URL", "targets.txt:3"
};

// --db (repeatable) and the lines of --targets FILE (one URL a line; blank lines and lines starting with `#`
// skipped), in that order; with neither, $DATABASE_URL or .env. Throws FileError / DbError(no_url).
std::vector<Database> run_targets(const MigrateRunArgs& a);
// The lines of a targets file as above; `name` is how the file is shown.
std::vector<Database> parse_targets(const std::string& text, const std::string& name);

// Prints whole lines from several threads, each line prefixed with its target when there are several.
class Printer {
 public:
  Printer(Io io, bool prefixed) : io_(io), prefixed_(prefixed) {}
  void out(const std::string& target, const std::string& text) { print(io_.out, target, text); }
  void err(const std::string& target, const std::string& text) { print(io_.err, target, text); }

 private:
  void print(std::ostream& to, const std::string& target, const std::string& text);
  Io io_;
  bool prefixed_;
  std::mutex mutex_;
};

// One target's run: what it printed as it went, and its part of the summary and of the JSON.
class TargetRun {
 public:
  TargetRun(std::string shown, Printer& printer, bool json) : target(std::move(shown)), printer_(&printer), json_(json) {}
  // A line of the text output (nothing with --format json).
  void line(const std::string& text);
  // One migration run (or, with --dry-run, that would run): its line and its entry in "migrations".
  void done(const runtime::Done& d);
  void fail(const std::string& message, const std::string& hint);
  bool failed() const { return result == "failed"; }
  Json json() const;

  std::string target;           // redacted
  std::optional<int> from, to;  // up/down: newest applied version before and after; status: applied and newest
  std::string result = "ok";    // ok | failed | skipped, and for status pending | drifted
  Json fields = Json::object();  // the command's own: "migrations", "drift"
  std::string error, hint;

 private:
  Printer* printer_;
  bool json_;
};

// The newest version whose row is wholly applied (0 for none): what a target "is at".
int applied_version(const std::vector<runtime::Applied>& history);

// Runs `one` on each target over its own connection (so each has its own lock and history), at most a.jobs at
// once; a failure on one target (it cannot be reached, a statement fails) is reported and the others go on,
// unless a.fail_fast, which starts no further target. Prints the JSON document or, for several targets, the
// summary table. Exit code: 1 when a target failed, else 2 when `pending_is_2` and one is pending or drifted,
// else 0.
using TargetFn = std::function<void(PGconn*, TargetRun&)>;
int run_on_targets(const MigrateRunArgs& a, Io io, const TargetFn& one, bool pending_is_2 = false);

}  // namespace schemac

#pragma once
// The migration engine: applies and rolls back versioned migrations on one database over libpq, recording each
// in the history table schemac.migrations. It takes migrations already read and split into sections (the CLI
// reads migrations/; a program can embed them and apply them at start-up without the compiler).
//
// Guarantees:
// - one run at a time per database: a session advisory lock held for the whole run, waited for at most
//   RunOptions::lock_wait_ms, then a clear error;
// - a transactional section runs in one transaction together with its history record, so a failure leaves
//   neither its changes nor its record;
// - a no-transaction section (one statement refusing a transaction block) runs alone, then its progress is
//   recorded; a re-run resumes after the last recorded section (its file may have been fixed meanwhile: the
//   checksum it completes with is recorded);
// - DOWN deletes the history row in the transaction of its last section;
// - nothing runs when a fully applied migration's checksum differs from the one given, an applied migration is not
//   among those given, or a pending one is older than the newest applied (out of order).
// - a no-transaction `CREATE INDEX CONCURRENTLY name` that fails or is killed leaves an INVALID index behind:
//   it is dropped right after a failure when the connection still answers, and before the section runs again
//   (IF NOT EXISTS would otherwise keep the broken index as if it were built), so it is never left behind;
// Values go to the server as parameters; the statements of the migrations are run as they are.

#include <libpq-fe.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace schemac::runtime {

struct Section {
  bool transactional = true;
  std::vector<std::string> statements;
  std::vector<std::string> origins;  // optional, per statement: where it comes from ("file:line:col"), for errors
};

struct Migration {
  int version = 0;
  std::string name;
  std::string checksum;
  std::vector<Section> up, down;
  std::string label() const;  // NNNN_name
};

// One error for the user, with what to do about it.
struct Error : std::runtime_error {
  std::string hint;
  Error(const std::string& message, std::string h = {}) : std::runtime_error(message), hint(std::move(h)) {}
};

enum class RowState { applied, applying, reverting };  // applying/reverting: stopped after `sections_done`

// A row of schemac.migrations.
struct Applied {
  int version = 0;
  std::string name, checksum, applied_at, applied_by;
  long long duration_ms = 0;
  int sections_done = 0;  // of UP while applying or applied, of DOWN while reverting
  RowState state = RowState::applied;
};

// The history, ascending version; empty when the table does not exist yet. Throws Error.
std::vector<Applied> read_history(PGconn* conn);

// Why the given migrations cannot run against `history` (edited, missing, out of order), one line each naming
// the migration; empty when they can.
std::vector<std::string> problems(const std::vector<Migration>& migrations, const std::vector<Applied>& history);

enum class Kind { applied, pending, partial, edited, missing, out_of_order };
const char* kind_name(Kind k);
struct StatusLine {
  int version = 0;
  std::string label;
  Kind kind = Kind::pending;
  const Applied* row = nullptr;  // into the history passed, when there is one
};
std::vector<StatusLine> status(const std::vector<Migration>& migrations, const std::vector<Applied>& history);

// What `up` would run (indices into migrations, ascending), partial ones included, up to version `to`.
std::vector<size_t> up_plan(const std::vector<Migration>& migrations, const std::vector<Applied>& history,
                            std::optional<int> to);
// What `down` would revert (indices, newest first): the newest `steps` applied, or every one above `to`.
struct DownTarget {
  std::optional<int> steps, to;  // neither: one step
};
std::vector<size_t> down_plan(const std::vector<Migration>& migrations, const std::vector<Applied>& history,
                              const DownTarget& target);

// What `baseline` would record as applied (indices, ascending): every migration up to `version` that the
// history lacks. Throws Error when `version` is not among the migrations, the history has a row above it or a
// row stopped halfway, or the history does not match the migrations (problems()): a baseline only marks
// versions that were never run, it never rewrites a row.
std::vector<size_t> baseline_plan(const std::vector<Migration>& migrations, const std::vector<Applied>& history,
                                  int version);

struct Done {
  const Migration* migration = nullptr;
  bool up = true;
  bool baseline = false;  // recorded as applied without running anything
  long long duration_ms = 0;
  bool dry_run = false;
};

// A statement that has been running for a while (CREATE INDEX CONCURRENTLY on a large table, a VALIDATE scan),
// so that an operator sees the run is alive and where it is.
struct Progress {
  const Migration* migration = nullptr;
  bool up = true;
  size_t section = 0, statement = 0;  // 0-based
  std::string where;                  // "file:line:col (NNNN_name up, section 2, statement 1)"
  long long elapsed_ms = 0;
};

struct RunOptions {
  int lock_wait_ms = 30000;              // for the run's advisory lock
  std::string lock_timeout = "5s";       // per statement, so no migration queues behind a long transaction
  std::string statement_timeout = "0";   // 0: none
  bool dry_run = false;                  // only say what would run
  std::function<void(const Done&)> on_done;  // after each migration
  // Every progress_every_ms while one statement runs (the first after as long); 0: never.
  std::function<void(const Progress&)> on_progress;
  int progress_every_ms = 10000;
};

// Apply pending migrations (ascending version) up to `to`; returns how many ran. Throws Error.
int up(PGconn* conn, const std::vector<Migration>& migrations, std::optional<int> to, const RunOptions& o);
// Marks the database as being at `version` without running anything (a database built before schemac managed
// it): the rows of baseline_plan, each as applied with its checksum, in one transaction under the run lock.
// Returns how many were recorded. Throws Error.
int baseline(PGconn* conn, const std::vector<Migration>& migrations, int version, const RunOptions& o);
// The one override of the edited-file refusal, for a deliberate edit that changes nothing the database holds (a
// comment, a statement reformatted): records the current checksum of applied migration `version` in its row,
// under the run lock, and returns the checksum it replaces. Refuses (Error) a version that is not among the
// migrations, not applied, or not edited. Nothing else is checked or run.
std::string accept_edit(PGconn* conn, const std::vector<Migration>& migrations, int version, const RunOptions& o);
// Revert applied migrations (newest first); returns how many ran. Throws Error.
int down(PGconn* conn, const std::vector<Migration>& migrations, const DownTarget& target, const RunOptions& o);

// The index a `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table ...` statement builds
// (comments before it allowed): its name as PostgreSQL stores it (unquoted folded to lower case, quotes
// removed, cut to 63 bytes) and its table as written, for to_regclass(). nullopt for any other statement and
// for an index without a name (the server makes one up, so a leftover cannot be told from another index).
// Exposed for tests.
struct ConcurrentIndex {
  std::string name, table;
};
std::optional<ConcurrentIndex> concurrent_index(const std::string& sql);

}  // namespace schemac::runtime

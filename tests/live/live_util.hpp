#pragma once
// Helpers shared by the live tests (roundtrip_test.cpp, random_test.cpp, injection_test.cpp): applying a plan
// statement by statement on one connection, comparing a live catalog with a declaration, scratch directories,
// and check_up_down, the UP / check / DOWN round trip of a declaration on a database that holds rows.
#include <libpq-fe.h>
#include <unistd.h>

#include <functional>
#include <string>

#include "plan/diff.hpp"
#include "model/model.hpp"
#include "temp_dir.hpp"
#include "testdb.hpp"

namespace schemac::test {

// A program's run for failure messages: exit code, stdout, stderr.
inline std::string describe(const RunResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout ---\n" + r.out + "\n--- stderr ---\n" + r.err;
}

// Applies `sql` as a file the way a person does by hand: `psql -X -q -v ON_ERROR_STOP=1 -f FILE` on `url`.
RunResult psql_file(const std::string& url, const std::string& sql);

// The UP and DOWN scripts of `schemac plan FILE --db URL --format json`, run in `cwd`; throws std::runtime_error
// with schemac's output when the plan fails.
struct PlanScripts {
  std::string up, down;
};
PlanScripts plan_scripts(const std::string& file, const std::string& url, const std::string& cwd,
                         bool allow_destructive = false);

// Runs one statement; throws std::runtime_error with the statement and the server's message.
void exec_sql(PGconn* conn, const std::string& sql);

// Runs a plan's UP (or DOWN) statements in order, each on its own (autocommit, so CONCURRENTLY works).
void apply_plan(PGconn* conn, const Plan& plan, bool up);

// The plan from the live catalog to `declared`, as `schemac plan --db --allow-destructive` makes it:
// inspect, normalise the declared expressions, diff. `declared` is normalised in place.
Plan plan_live(PGconn* conn, Schema& declared, bool allow_destructive = true);

// A model with what the catalog cannot hold or the language says is insignificant taken out (queries,
// comments that are not COMMENT ON, source places, @renamed_from, the inline/table-level layout, check
// columns) and every object kind sorted by name; printed as DSL. Columns keep their order unless
// `sort_columns`: PostgreSQL cannot reorder columns, so a DOWN that puts back a dropped column adds it last.
std::string canonical_dsl(Schema s, bool sort_columns = false);

// Empty when the live catalog equals `declared` (after normalising its expressions on `conn`): the plan
// between them is empty and both print the same canonical DSL. Otherwise says what differs.
std::string catalog_mismatch(PGconn* conn, const Schema& declared, bool sort_columns = false);

// How check_up_down applies a plan: by hand, as a person does (`schemac plan FILE --db URL --format json`, then
// `psql -v ON_ERROR_STOP=1 -f` of its UP and its DOWN), or by the test runner (apply_util.hpp: plan_live of the
// loaded declaration, the runner's transactions, every statement on its own).
enum class Apply { psql, runner };

// What check_up_down saw, for the checks a test adds in the UP state and after DOWN.
struct UpDown {
  PlanScripts scripts;  // the UP and DOWN that were applied (runner: plan_up_sql and plan_down_sql of its plan)
  std::string before;   // catalog_fingerprint before UP
  std::string after;    // catalog_fingerprint after UP
  bool ok = false;      // every check of check_up_down held
};

// The round trip of the declaration in `dir`/`file` against `db`, which may hold rows, each step a doctest check:
//   1. UP applied (`how`); a failure to apply is a REQUIRE, with the script in the message;
//   2. the catalog equals the declaration: catalog_mismatch empty;
//   3. planning again is empty: `schemac plan FILE --db URL --exit-code` exits 0;
//   4. `in_up(result)`, the test's own checks in the UP state (rows, the catalog, the scripts);
//   5. DOWN applied (a REQUIRE), and the catalog is the one before UP: the same catalog_fingerprint.
UpDown check_up_down(TestDb& db, const TempDir& dir, const std::string& file,
                     const std::function<void(const UpDown&)>& in_up = {}, Apply how = Apply::psql);

}  // namespace schemac::test

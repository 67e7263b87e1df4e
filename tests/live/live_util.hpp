#pragma once
// Helpers shared by the live tests (roundtrip_test.cpp, random_test.cpp, injection_test.cpp): applying a plan
// statement by statement on one connection, comparing a live catalog with a declaration, scratch directories.
#include <libpq-fe.h>
#include <unistd.h>

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
PlanScripts plan_scripts(const std::string& file, const std::string& url, const std::string& cwd);

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

}  // namespace schemac::test

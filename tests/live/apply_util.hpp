#pragma once
// Applying plans to a real server the way a migration runner does, and reading the catalog back, for the live
// tests (header-only: tests/CMakeLists.txt compiles tests/live/*_test.cpp and tests/support/*.cpp only).
//
// The runner: runs of transactional changes go in one BEGIN ... COMMIT; a change marked non-transactional runs
// alone, each of its statements on its own outside a transaction block (CREATE INDEX CONCURRENTLY, ALTER TYPE
// ADD VALUE, index builds with timescaledb.transaction_per_chunk). DOWN runs the changes in reverse order, each
// change's `down` statements in their own order. Every statement is sent alone (PQexec of one statement), so a
// failure names the statement. A plan with error diagnostics is refused: nothing is sent.
//
// Every function opens its own connection and closes it before returning: the Timescale-license server (PGlite)
// takes one connection at a time.

#include <libpq-fe.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog/connect.hpp"
#include "plan/diff.hpp"
#include "catalog/inspect.hpp"

namespace schemac::test {

struct ApplyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline void ignore_notice(void*, const char*) {}

// A connection whose notices (TimescaleDB's, IF NOT EXISTS ones) are not printed.
inline Connection quiet_connect(const std::string& url) {
  Connection conn = connect(url);
  PQsetNoticeProcessor(conn.get(), ignore_notice, nullptr);
  return conn;
}

inline void exec_one(PGconn* conn, const std::string& sql) {
  PGresult* r = PQexec(conn, sql.c_str());
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    throw ApplyError("statement failed: " + sql + "\n  server: " + msg);
  }
  PQclear(r);
}

// Every statement of `changes` in the given direction, grouped as a migration runner groups them.
inline void run_changes(PGconn* conn, const std::vector<const Change*>& changes, bool up) {
  std::vector<std::string> batch;  // statements of the current run of transactional changes
  auto flush = [&] {
    if (batch.empty()) return;
    exec_one(conn, "BEGIN");
    try {
      for (auto& s : batch) exec_one(conn, s);
      exec_one(conn, "COMMIT");
    } catch (...) {
      PQclear(PQexec(conn, "ROLLBACK"));
      throw;
    }
    batch.clear();
  };
  for (const Change* c : changes) {
    const auto& stmts = up ? c->up : c->down;
    if (c->transactional) {
      batch.insert(batch.end(), stmts.begin(), stmts.end());
      continue;
    }
    flush();
    for (auto& s : stmts) exec_one(conn, s);
  }
  flush();
}

inline void refuse_if_errors(const Plan& plan) {
  std::string errors;
  for (auto& d : plan.diagnostics)
    if (d.severity == Diagnostic::Severity::error) errors += "\n  " + d.message;
  if (!errors.empty()) throw ApplyError("the plan is refused:" + errors);
}

// The plan's changes in the order a direction runs them: DOWN undoes them last first.
inline std::vector<const Change*> in_order(const Plan& plan, bool up) {
  std::vector<const Change*> changes;
  for (auto& c : plan.changes) changes.push_back(&c);
  if (!up) std::reverse(changes.begin(), changes.end());
  return changes;
}

inline void apply_up(const std::string& url, const Plan& plan) {
  refuse_if_errors(plan);
  Connection conn = quiet_connect(url);
  run_changes(conn.get(), in_order(plan, true), true);
}

inline void apply_down(const std::string& url, const Plan& plan) {
  refuse_if_errors(plan);
  Connection conn = quiet_connect(url);
  run_changes(conn.get(), in_order(plan, false), false);
}

// The live catalog; when `declared` is given, its expressions are put in the server's form first (as
// `schemac plan --db` does), so that it can be compared with the catalog.
inline Catalog inspect_url(const std::string& url, Schema* declared = nullptr, const InspectOptions& options = {}) {
  Connection conn = quiet_connect(url);
  Catalog c = inspect(conn.get(), options);
  if (declared) normalise_expressions(conn.get(), *declared, &c.schema);
  return c;
}

// A plan for failure messages: its UP script and its diagnostics.
inline std::string describe(const Plan& plan) {
  std::string out = plan_up_sql(plan);
  for (auto& d : plan.diagnostics)
    out += std::string(d.severity == Diagnostic::Severity::error ? "error: " : "warning: ") + d.message + "\n";
  return out.empty() ? "(empty plan)" : out;
}

}  // namespace schemac::test

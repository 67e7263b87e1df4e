#pragma once
// Live-test support: a fresh database per test on a real server, over libpq.
//
// The servers come from the environment (scripts/test.sh starts throwaway ones and sets these;
// `eval "$(scripts/db.sh env)"` after `scripts/db.sh start` does the same by hand):
//   Server::pg15  SCHEMAC_TEST_PG_URL    PostgreSQL 15 (plain PostgreSQL target)
//   Server::tsdb  SCHEMAC_TEST_TSDB_URL  TimescaleDB 2.19 on PostgreSQL 17, Apache edition (the reference)
//   Server::tsl   SCHEMAC_TEST_TSL_URL   TimescaleDB with the Timescale license (PGlite): retention and
//                                        compression policies
// Each URL is anything libpq accepts, for a role that may CREATE DATABASE.
//
// A live test whose variable is missing FAILS with a message saying how to provide it, unless
// SCHEMAC_SKIP_LIVE=1, in which case it prints SCHEMAC_LIVE_SKIPPED and CTest reports it as skipped.
//
//   TEST_CASE("hypertable is created") {
//     schemac::test::TestDb db(schemac::test::Server::tsdb);
//     db.exec("CREATE EXTENSION timescaledb");
//     db.exec("CREATE TABLE t (ts timestamptz NOT NULL)");
//     CHECK(db.query_value("SELECT count(*) FROM timescaledb_information.hypertables") == "0");
//     auto r = schemac::test::run_schemac({"plan", "schema.dsl", "--db", db.url()});
//   }
//
// pg15 and tsdb: the constructor creates a uniquely named database (from template1, so without any
// extension: tests create what they need), url() points at it, and the destructor drops it
// WITH (FORCE). Roles are global to a server: a test that creates roles must drop them itself.
//
// tsl (PGlite) LIMITATIONS: the server has ONE database and accepts ONE connection at a time (others
// wait in a queue, then fail). So on tsl:
//   - url() is the server's own database, shared by every test (the timescaledb extension is already
//     created there);
//   - TestDb holds no connection between calls: each exec/query opens and closes one, so the code under
//     test (for example the schemac CLI) can connect while the TestDb exists; never keep two
//     connections open at once. PGlite is one backend session shared by all connections in turn;
//     scripts/pglite-server.mjs resets it (ROLLBACK, DISCARD ALL) for each new connection, so, as on a
//     real server, SET and transactions do not carry over from one exec() call to the next;
//   - cleanup: the constructor records the schemas, tables, views, sequences, types, functions and
//     extensions that exist; the destructor drops every one of those kinds created since (CASCADE, so
//     hypertables take their chunks and policies with them). Other things a test creates (roles,
//     settings changed with ALTER SYSTEM/DATABASE, jobs added with add_job) are not undone;
//   - live tests run one at a time (CTest RESOURCE_LOCK), which this requires.
#include <optional>

#include "catalog/connect.hpp"
#include <string>
#include <string_view>
#include <vector>

namespace schemac::test {

enum class Server { pg15, tsdb, tsl };

// "pg15", "tsdb", "tsl".
const char* server_name(Server server);
// The environment variable naming the server's URL.
const char* server_env_var(Server server);
// The server's URL from the environment; throws (failing the test) when it is not set, see above.
std::string server_url(Server server);

// Connection strings in messages go through the product's own redaction (compiler/catalog/connect.hpp).
using schemac::redact_url;

// One row of a query result; SQL NULL is the text in `null_text`.
using Row = std::vector<std::string>;
inline constexpr std::string_view null_text = "<NULL>";

class TestDb {
 public:
  explicit TestDb(Server server);
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  Server server() const { return server_; }
  // A libpq conninfo string ("host=... port=... dbname=...") for this test's database; it may carry the
  // server URL's password or passfile: pass it to libpq or the CLI, never print it (use redacted_url()).
  const std::string& url() const { return url_; }
  std::string redacted_url() const { return redact_url(url_); }
  // The database's name (on tsl, the server's one database).
  const std::string& database() const { return database_; }

  // Runs SQL (several statements are fine); throws std::runtime_error with the server's message.
  void exec(const std::string& sql);
  // The first column of the first row; throws when there is no row or the value is NULL.
  std::string query_value(const std::string& sql);
  // The first column of the first row, nullopt for NULL; throws when there is no row.
  std::optional<std::string> query_nullable(const std::string& sql);
  // Every row, every column as text (NULL as null_text).
  std::vector<Row> query_rows(const std::string& sql);

 private:
  struct Conn;
  Conn& connection();
  void release_connection_if_shared();
  std::vector<Row> run(const std::string& sql);
  void drop_created_objects() noexcept;

  Server server_;
  std::string server_url_;
  std::string url_;
  std::string database_;
  std::vector<std::string> objects_before_;  // tsl only
  Conn* conn_ = nullptr;
};

// Result of running a program.
struct RunResult {
  int exit_code = -1;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs the schemac CLI built with the tests (SCHEMAC_BINARY) with `args`, in `cwd` (default: the current
// directory), stdin from /dev/null; captures stdout and stderr apart.
RunResult run_schemac(const std::vector<std::string>& args, const std::string& cwd = {});

// Runs any program (looked up in PATH) the same way.
RunResult run_program(const std::vector<std::string>& argv, const std::string& cwd = {});

}  // namespace schemac::test

// TimescaleDB installed in a schema of its own (`extension timescaledb schema tsx`): every function the plan
// calls (create_hypertable, by_range, set_chunk_time_interval) goes through that schema, so the files apply
// with psql on a server whose search_path does not reach it; a declaration that puts the extension elsewhere
// than the server has it is refused with the reason.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "live_util.hpp"
#include "model/quote.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::RunResult;
using schemac::test::Server;
using schemac::test::TestDb;

namespace {

std::string declaration(const std::string& extension_schema, const std::string& interval) {
  std::string ext = extension_schema.empty() ? "extension timescaledb\n" : "extension timescaledb schema " + extension_schema + "\n";
  return ext + fmt::format("\nschema tsx {{\n}}\n\ntable ticks {{\n  ts timestamptz\n  v  int\n\n"
                           "  hypertable on ts {{\n    chunk_interval {}\n  }}\n}}\n",
                           interval);
}

void psql_file(TestDb& db, const std::string& file) {
  RunResult psql = test::run_program({"psql", db.url(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file});
  INFO(test::describe(psql));
  REQUIRE(psql.exit_code == 0);
}

std::string extension_count(TestDb& db) {
  return db.query_value("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'");
}

// plan --db as SQL, applied with psql; returns the SQL.
std::string plan_and_apply(TestDb& db, const test::TempDir& dir, const std::string& text) {
  std::string file = dir.write("schema.dsl", text);
  RunResult plan = test::run_schemac({"plan", file, "--db", db.url()}, dir.path.string());
  INFO(test::describe(plan));
  REQUIRE(plan.exit_code == 0);
  psql_file(db, dir.write("up.sql", plan.out));
  return plan.out;
}

}  // namespace

TEST_CASE("timescale schema: every TimescaleDB call goes through the extension's schema") {
  TestDb db(Server::tsdb);
  test::TempDir dir;
  // Only public on the path: an unqualified create_hypertable or by_range would not be found.
  db.exec(fmt::format("ALTER DATABASE {} SET search_path = public", quote_ident(db.database())));

  std::string up = plan_and_apply(db, dir, declaration("tsx", "1 hour"));
  CHECK(up.find("CREATE EXTENSION timescaledb SCHEMA tsx;") != std::string::npos);
  CHECK(up.find("SELECT tsx.create_hypertable('public.ticks', tsx.by_range('ts', INTERVAL '1 hour')") !=
        std::string::npos);
  CHECK(db.query_value("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                       "WHERE e.extname = 'timescaledb'") == "tsx");
  db.exec("INSERT INTO ticks SELECT now() - i * INTERVAL '10 minutes', i FROM generate_series(1, 20) i");

  std::string change = plan_and_apply(db, dir, declaration("tsx", "2 hours"));
  CHECK(change.find("SELECT tsx.set_chunk_time_interval('public.ticks', INTERVAL '2 hours');") != std::string::npos);
  CHECK(db.query_value("SELECT time_interval FROM timescaledb_information.dimensions WHERE hypertable_name = "
                       "'ticks'") == "02:00:00");
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "20");

  // The catalog reads the extension's schema back: nothing left to do.
  std::string file = dir.write("schema.dsl", declaration("tsx", "2 hours"));
  RunResult same = test::run_schemac({"plan", file, "--db", db.url(), "--exit-code"}, dir.path.string());
  INFO(test::describe(same));
  CHECK(same.exit_code == 0);

  // Declared in its default schema while the server has it in tsx: refused, with where it is and the fix.
  file = dir.write("schema.dsl", declaration("", "2 hours"));
  RunResult moved = test::run_schemac({"plan", file, "--db", db.url()}, dir.path.string());
  INFO(test::describe(moved));
  CHECK(moved.exit_code == 1);
  CHECK(moved.err.find("extension timescaledb is in schema tsx, but the declaration puts it in schema public") !=
        std::string::npos);
  CHECK(moved.err.find("declare `extension timescaledb schema tsx`") != std::string::npos);
}

TEST_CASE("timescale schema: the init migration's DOWN drops TimescaleDB only where its UP created it") {
  test::TempDir dir;
  std::string file = dir.write("schema.dsl", declaration("", "1 hour"));
  RunResult made = test::run_schemac({"migrate", "new", "init", "--edition", "apache", "--file", file, "--dir",
                                      (dir.path / "m").string()}, dir.path.string());
  INFO(test::describe(made));
  REQUIRE(made.exit_code == 0);
  std::string up = (dir.path / "m" / "0001_init.up.sql").string(), down = (dir.path / "m" / "0001_init.down.sql").string();

  SUBCASE("created by the UP: the DOWN drops it") {
    TestDb db(Server::tsdb);
    psql_file(db, up);
    CHECK(extension_count(db) == "1");
    psql_file(db, down);
    CHECK(extension_count(db) == "0");
  }
  SUBCASE("there before the UP (as images preinstall it): the DOWN leaves it, and what uses it") {
    TestDb db(Server::tsdb);
    db.exec("CREATE EXTENSION timescaledb");
    std::string comment = db.query_value("SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE "
                                         "extname = 'timescaledb'");
    psql_file(db, up);
    db.exec("INSERT INTO ticks VALUES (now(), 1)");
    psql_file(db, down);
    CHECK(extension_count(db) == "1");
    CHECK(db.query_value("SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = "
                         "'timescaledb'") == comment);
    CHECK(db.query_value("SELECT count(*) FROM pg_class WHERE relname = 'ticks'") == "0");
  }
}

// Checks against the server, before anything is planned (compiler/catalog/preflight.hpp): each refusal says why, and
// no SQL is printed.
TEST_CASE("timescale schema: plan --db refuses what the server cannot do, with the reason") {
  test::TempDir dir;
  auto refused = [&](TestDb& db, const std::string& text, std::vector<std::string> extra, const std::string& why) {
    std::string file = dir.write("schema.dsl", text);
    std::vector<std::string> args{"plan", file, "--db", db.url(), "--dir", (dir.path / "migrations").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = test::run_schemac(args);
    INFO(test::describe(r));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(why) != std::string::npos);
    CHECK(r.out.find("CREATE") == std::string::npos);
  };
  SUBCASE("TimescaleDB declared on a server that does not have it") {
    TestDb db(Server::pg15);
    refused(db, declaration("", "1 hour"), {},
            "schema.dsl:1:1: error: TimescaleDB is not available on this server (it is not in "
            "pg_available_extensions)");
  }
  SUBCASE("retention via pg_cron from a database pg_cron does not run jobs from") {
    TestDb db(Server::tsdb);
    std::string cron_db = db.query_value("SELECT current_setting('cron.database_name')");
    REQUIRE(cron_db != db.database());
    std::string text = "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n\n  hypertable on ts {\n"
                       "    retention 7 days\n  }\n}\n";
    refused(db, text, {"--retention-via-cron"},
            fmt::format("--retention-via-cron: pg_cron runs its jobs from database {}, not from {}", cron_db,
                        db.database()));
  }
  SUBCASE("a server of the other edition than the migrations directory records") {
    TestDb db(Server::tsdb);
    std::filesystem::create_directories(dir.path / "migrations");
    dir.write("migrations/schemac.edition", "timescale\n");
    refused(db, declaration("", "1 hour"), {},
            "error: this server runs the apache edition of TimescaleDB, but the migrations target the timescale "
            "edition");
  }
}

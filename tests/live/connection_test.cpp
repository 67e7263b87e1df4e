// The live test servers are what the suite believes they are: reachable, the right PostgreSQL
// version, the right TimescaleDB edition; and TestDb isolates and cleans up as documented.
#include <doctest/doctest.h>

#include <string>

#include "testdb.hpp"

using schemac::test::Server;
using schemac::test::TestDb;

TEST_CASE("pg15: connects to PostgreSQL 15 or later, without TimescaleDB") {
  TestDb db(Server::pg15);
  INFO("server: " << db.redacted_url());
  CHECK(std::stoi(db.query_value("SHOW server_version_num")) >= 150000);
  CHECK(db.query_value("SELECT current_database()") == db.database());
  CHECK_FALSE(db.query_nullable("SELECT current_setting('timescaledb.license', true)").has_value());
}

TEST_CASE("tsdb: connects to TimescaleDB on PostgreSQL 17, Apache edition") {
  TestDb db(Server::tsdb);
  INFO("server: " << db.redacted_url());
  CHECK(std::stoi(db.query_value("SHOW server_version_num")) >= 170000);
  // A fresh database has no extension; the license setting appears once TimescaleDB is loaded.
  CHECK(db.query_value("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'") == "0");
  db.exec("CREATE EXTENSION timescaledb");
  CHECK(db.query_value("SHOW timescaledb.license") == "apache");
  CHECK(db.query_value("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'").rfind("2.", 0) == 0);
}

TEST_CASE("tsl: connects to TimescaleDB with the Timescale license") {
  TestDb db(Server::tsl);
  INFO("server: " << db.redacted_url());
  CHECK(std::stoi(db.query_value("SHOW server_version_num")) >= 170000);
  CHECK(db.query_value("SHOW timescaledb.license") == "timescale");
}

TEST_CASE("tsdb: each TestDb is its own database, dropped afterwards") {
  std::string first_name;
  {
    TestDb a(Server::tsdb);
    TestDb b(Server::tsdb);
    first_name = a.database();
    CHECK(a.database() != b.database());
    a.exec("CREATE TABLE only_in_a (id int)");
    CHECK(b.query_value("SELECT count(*) FROM pg_class WHERE relname = 'only_in_a'") == "0");
    CHECK_THROWS_WITH(a.exec("SELECT * FROM no_such_table"), doctest::Contains("no_such_table"));
  }
  TestDb c(Server::tsdb);
  CHECK(c.query_value("SELECT count(*) FROM pg_database WHERE datname = '" + first_name + "'") == "0");
}

TEST_CASE("tsl: objects a test creates are dropped afterwards, the ones before stay") {
  {
    TestDb db(Server::tsl);
    db.exec("CREATE SCHEMA IF NOT EXISTS live_cleanup_probe");
    db.exec("CREATE TABLE live_cleanup_probe.m (ts timestamptz NOT NULL, v int)");
    db.exec("CREATE TABLE public.live_cleanup_hyper (ts timestamptz NOT NULL, v int)");
    db.exec("SELECT create_hypertable('public.live_cleanup_hyper', by_range('ts', INTERVAL '1 day'))");
    db.exec("SELECT add_retention_policy('public.live_cleanup_hyper', drop_after => INTERVAL '3 days')");
    db.exec("CREATE TYPE public.live_cleanup_mood AS ENUM ('ok')");
    CHECK(db.query_value("SELECT count(*) FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'"
                         " AND hypertable_name = 'live_cleanup_hyper'") == "1");
    // The code under test can connect while the TestDb exists (it holds no connection between calls).
    CHECK(db.query_value("SELECT 1") == "1");
  }
  TestDb after(Server::tsl);
  CHECK(after.query_value("SELECT count(*) FROM pg_namespace WHERE nspname = 'live_cleanup_probe'") == "0");
  CHECK(after.query_value("SELECT count(*) FROM pg_class WHERE relname = 'live_cleanup_hyper'") == "0");
  CHECK(after.query_value("SELECT count(*) FROM pg_type WHERE typname = 'live_cleanup_mood'") == "0");
  CHECK(after.query_value("SELECT count(*) FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'") ==
        "0");
  CHECK(after.query_value("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'") == "1");
}

TEST_CASE("test messages never show a password") {
  for (auto url : {"postgresql://alice:s3cret@db.example:5433/app?sslmode=require",
                   "host=db port=5432 user=bob password='s3cret' dbname=x", "postgresql://h/d?password=s3cret"}) {
    CAPTURE(url);
    CHECK(schemac::test::redact_url(url).find("s3cret") == std::string::npos);
  }
}

TEST_CASE("the schemac binary built with the tests runs") {
  auto r = schemac::test::run_schemac({"--help"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("schemac") != std::string::npos);
}

// The runner's connection killed mid-migration (pg_terminate_backend from another session, the runner found by
// the advisory lock it holds) on the real server: a transactional section leaves database and history as they
// were and the re-run completes; a no-transaction CREATE INDEX CONCURRENTLY killed mid-build leaves an INVALID
// index, and the re-run resumes at that section, drops the invalid index and builds it again.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <thread>

#include "migrate_project.hpp"

using namespace schemac::test;

namespace {

// The backend of the migrate run on `db` (the session holding an advisory lock there) once `ready` (a condition
// on pg_stat_activity `a`) holds; terminates it. Fails the test when it never shows up.
void kill_runner(TestDb& db, const std::string& ready) {
  for (int i = 0; i < 400; ++i) {
    auto rows = db.query_rows(
        "SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'advisory'"
        " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND " + ready);
    if (!rows.empty()) {
      CHECK(db.query_value("SELECT pg_terminate_backend(" + rows[0][0] + ")") == "t");
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  FAIL("the runner never reached the slow statement");
}

// `migrate up` on a thread of its own, killed by `kill` on this one.
RunResult up_killed(const Project& p, const std::function<void()>& kill) {
  RunResult r;
  std::thread runner([&] { r = p.run({"migrate", "up", "--db", p.db.url()}); });
  kill();
  runner.join();
  return r;
}

}  // namespace

TEST_CASE("migrate kill: a transactional section killed mid-statement leaves database and history unchanged") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  REQUIRE(p.migrate("up", {"--to", "1"}).exit_code == 0);
  std::string before = p.pull();
  spit(p.file("0002_add_b.up.sql"), "-- schemac:section 1 transactional\nBEGIN;\nCREATE TABLE b (id bigint PRIMARY KEY);\n"
                                     "INSERT INTO a VALUES (1);\nSELECT pg_sleep(2);\nCOMMIT;\n");
  p.rehash();
  RunResult killed = up_killed(p, [&] { kill_runner(db, "a.query LIKE '%pg_sleep%' AND a.state = 'active'"); });
  CHECK(killed.exit_code == 1);
  CHECK_MESSAGE(killed.err.find("0002_add_b.up.sql:") != std::string::npos, describe(killed));
  CHECK(p.pull() == before);
  CHECK(db.query_value("SELECT count(*) FROM a") == "0");
  CHECK(p.versions() == "1");
  RunResult again = p.migrate("up");
  REQUIRE_MESSAGE(again.exit_code == 0, describe(again));
  CHECK(again.out.find("applied 0002_add_b (") == 0);
  CHECK(p.versions() == "1,2");
  CHECK(db.query_value("SELECT count(*) FROM a") == "1");
}

TEST_CASE("migrate kill: CREATE INDEX CONCURRENTLY killed mid-build resumes, its invalid index dropped and rebuilt") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  REQUIRE(p.migrate("up", {"--to", "1"}).exit_code == 0);
  // Each row costs the build 20 ms, so it is still building when it is killed.
  db.exec("CREATE FUNCTION slow_id(bigint) RETURNS bigint IMMUTABLE LANGUAGE plpgsql"
          " AS $$BEGIN PERFORM pg_sleep(0.02); RETURN $1; END$$");
  db.exec("INSERT INTO a SELECT generate_series(1, 60)");
  spit(p.file("0002_add_b.up.sql"), "-- schemac:section 1 transactional\nBEGIN;\nCREATE TABLE b (id bigint PRIMARY KEY);\n"
                                     "COMMIT;\n\n-- schemac:section 2 no-transaction\n"
                                     "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_slow_idx ON a (slow_id(id));\n");
  spit(p.file("0002_add_b.down.sql"), "-- schemac:section 1 no-transaction\nDROP INDEX CONCURRENTLY a_slow_idx;\n\n"
                                       "-- schemac:section 2 transactional\nBEGIN;\nDROP TABLE b;\nCOMMIT;\n");
  p.rehash();
  RunResult killed = up_killed(p, [&] {
    kill_runner(db, "a.pid IN (SELECT pid FROM pg_stat_progress_create_index WHERE phase LIKE 'building index%')");
  });
  CHECK(killed.exit_code == 1);
  const std::string invalid =
      "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'a_slow_idx'"
      " AND NOT i.indisvalid";
  CHECK(db.query_value(invalid) == "1");
  CHECK(db.query_value("SELECT state || ' ' || sections_done FROM schemac.migrations WHERE version = 2") ==
        "applying 1");
  RunResult status = p.migrate("status");
  CHECK(status.out.find("partial       0002_add_b (applying stopped after section 1)") != std::string::npos);

  RunResult resumed = p.migrate("up");  // section 1 again would fail: b exists
  REQUIRE_MESSAGE(resumed.exit_code == 0, describe(resumed));
  CHECK(resumed.out.find("applied 0002_add_b (") == 0);
  CHECK(db.query_value(invalid) == "0");
  CHECK(db.query_value("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                       " WHERE c.relname = 'a_slow_idx' AND i.indisvalid") == "1");
  CHECK(db.query_value("SELECT state || ' ' || sections_done FROM schemac.migrations WHERE version = 2") ==
        "applied 2");
}

TEST_CASE("migrate kill: a CREATE INDEX CONCURRENTLY that fails leaves no invalid index behind") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  REQUIRE(p.migrate("up", {"--to", "1"}).exit_code == 0);
  db.exec("ALTER TABLE a ADD COLUMN k int");
  db.exec("INSERT INTO a VALUES (1, 7), (2, 7)");
  spit(p.file("0002_add_b.up.sql"), "-- schemac:section 1 no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY a_k_key ON a (k);\n");
  p.rehash();
  RunResult failed = p.migrate("up");
  CHECK(failed.exit_code == 1);
  CHECK_MESSAGE(failed.err.find("could not create unique index") != std::string::npos, describe(failed));
  CHECK(db.query_value("SELECT count(*) FROM pg_class WHERE relname = 'a_k_key'") == "0");
  db.exec("UPDATE a SET k = id");
  RunResult fixed = p.migrate("up");
  REQUIRE_MESSAGE(fixed.exit_code == 0, describe(fixed));
  CHECK(db.query_value("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                       " WHERE c.relname = 'a_k_key' AND i.indisvalid") == "1");
}

// `schemac migrate up/down/status/history` (the runtime engine, runtime/include/schemac/migrations.hpp) on the
// real servers: up/down/up gives the same catalog and `plan --db` after up is empty for every example schema;
// --to and --steps stop at the right versions; a bad statement in the middle of a migration leaves catalog and
// history unchanged and the fixed file then succeeds; runners started at once apply each migration exactly
// once; an edited applied migration and a missing one are refused, named; a stopped no-transaction section
// resumes, UP or DOWN; a held run lock is waited for only --lock-wait.
//
// Servers: the examples with TimescaleDB on tsl (their policies need the Timescale license; one connection at a
// time, which the CLI keeps), the others on tsdb (pgvector); the rest on pg15.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "migrate_project.hpp"

using namespace schemac;
using namespace schemac::test;
namespace fs = std::filesystem;

namespace {

void three_migrations(const Project& p) {
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  p.add("add_c", kThree);
}

void example_up_down_up(const fs::path& schema) {
  bool timescale = slurp(schema).find("extension timescaledb") != std::string::npos;
  TestDb db(timescale ? Server::tsl : Server::tsdb);
  Project p(db, timescale ? "timescale" : "apache");
  p.add("init", slurp(schema));
  RunResult up = p.migrate("up");
  REQUIRE_MESSAGE(up.exit_code == 0, test::describe(up));
  CHECK(up.out.find("applied 0001_init (") == 0);
  RunResult plan = p.run({"plan", "--db", db.url(), "--exit-code"});
  CHECK_MESSAGE(plan.exit_code == 0, "plan --db after up is not empty\n" << test::describe(plan));
  RunResult status = p.migrate("status", {"--exit-code"});
  CHECK_MESSAGE(status.exit_code == 0, "status after up finds drift or pending\n" << test::describe(status));
  std::string after_up = p.pull();
  RunResult down = p.migrate("down", {"--to", "0"});
  REQUIRE_MESSAGE(down.exit_code == 0, test::describe(down));
  CHECK(down.out.find("reverted 0001_init (") == 0);
  CHECK(p.versions() == "");
  REQUIRE(p.migrate("up").exit_code == 0);
  CHECK(p.pull() == after_up);
  CHECK(p.versions() == "1");
}

}  // namespace

TEST_CASE("migrate run: up, down, up of every example schema gives the same catalog, and plan --db is empty") {
  std::vector<fs::path> examples;
  for (auto& e : fs::directory_iterator(kSource / "examples"))
    if (fs::exists(e.path() / "schema.dsl")) examples.push_back(e.path() / "schema.dsl");
  std::sort(examples.begin(), examples.end());
  REQUIRE(!examples.empty());
  for (auto& schema : examples) {
    CAPTURE(schema);
    example_up_down_up(schema);
  }
}

TEST_CASE("migrate run: --to and --steps stop at the right versions, status says what is pending") {
  TestDb db(Server::pg15);
  Project p(db);
  three_migrations(p);
  RunResult dry = p.migrate("up", {"--dry-run"});
  CHECK(dry.out == "would apply 0001_add_a\nwould apply 0002_add_b\nwould apply 0003_add_c\n");
  CHECK(db.query_value("SELECT count(*) FROM pg_namespace WHERE nspname = 'schemac'") == "0");
  REQUIRE(p.migrate("up", {"--to", "2"}).exit_code == 0);
  CHECK(p.versions() == "1,2");
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b', 'c')") == "2");
  RunResult status = p.migrate("status", {"--exit-code"});
  CHECK(status.exit_code == 2);
  CHECK(status.out.find("pending       0003_add_c") != std::string::npos);
  REQUIRE(p.migrate("up").exit_code == 0);
  CHECK(p.migrate("status", {"--exit-code"}).exit_code == 0);
  CHECK(p.migrate("up").out == "nothing to apply\n");
  RunResult down = p.migrate("down", {"--steps", "2"});
  CHECK(down.out.find("reverted 0003_add_c") == 0);
  CHECK(down.out.find("reverted 0002_add_b") != std::string::npos);
  CHECK(p.versions() == "1");
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b', 'c')") == "1");
  REQUIRE(p.migrate("up").exit_code == 0);
  REQUIRE(p.migrate("down").exit_code == 0);
  CHECK(p.versions() == "1,2");
  REQUIRE(p.migrate("down", {"--to", "1"}).exit_code == 0);
  CHECK(p.versions() == "1");
  RunResult rows = test::psql_file(db.url(), "SELECT name, checksum, state, sections_done FROM schemac.migrations;");
  CHECK(rows.out.find("add_a") != std::string::npos);
  CHECK(rows.out.find("h1:") != std::string::npos);
}

TEST_CASE("migrate run: a bad statement in the middle leaves catalog and history unchanged, the fixed file runs") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  REQUIRE(p.migrate("up", {"--to", "1"}).exit_code == 0);
  db.exec("INSERT INTO a VALUES (1), (2)");
  std::string before = p.pull();
  fs::path up = p.file("0002_add_b.up.sql");
  std::string good = slurp(up);
  auto begin = good.find("BEGIN;\n");
  REQUIRE(begin != std::string::npos);
  auto after_first = good.find(";\n", begin + 7);
  REQUIRE(after_first != std::string::npos);
  std::string bad = good;
  bad.insert(after_first + 2, "SELECT 1/0;\n");
  spit(up, bad);
  p.rehash();
  RunResult r = p.migrate("up");
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.err.find("0002_add_b.up.sql:") != std::string::npos, test::describe(r));
  CHECK_MESSAGE(r.err.find("division by zero") != std::string::npos, test::describe(r));
  CHECK(p.pull() == before);
  CHECK(p.versions() == "1");
  CHECK(db.query_value("SELECT count(*) FROM a") == "2");
  spit(up, good);
  p.rehash();
  REQUIRE(p.migrate("up").exit_code == 0);
  CHECK(p.versions() == "1,2");
  CHECK(db.query_value("SELECT count(*) FROM a") == "2");
}

TEST_CASE("migrate run: runners started at once apply each migration exactly once") {
  for (int runners : {2, 8}) {
    CAPTURE(runners);
    TestDb db(Server::pg15);
    Project p(db);
    three_migrations(p);
    std::vector<RunResult> results(static_cast<size_t>(runners));
    std::vector<std::thread> threads;
    for (int i = 0; i < runners; ++i)
      threads.emplace_back([&, i] {
        results[size_t(i)] = test::run_schemac({"migrate", "up", "--db", db.url()}, p.dir.path.string());
      });
    for (auto& t : threads) t.join();
    int applied = 0;
    for (auto& r : results) {
      CHECK_MESSAGE(r.exit_code == 0, test::describe(r));
      for (size_t at = r.out.find("applied "); at != std::string::npos; at = r.out.find("applied ", at + 1)) ++applied;
    }
    CHECK(applied == 3);
    CHECK(p.versions() == "1,2,3");
  }
}

TEST_CASE("migrate run: an edited applied migration and a missing one are refused, named") {
  TestDb db(Server::pg15);
  Project p(db);
  three_migrations(p);
  REQUIRE(p.migrate("up").exit_code == 0);
  std::string history = p.versions();
  fs::path up = p.file("0001_add_a.up.sql");
  std::string original = slurp(up);
  spit(up, original + "-- edited\n");
  RunResult unsummed = p.migrate("up");  // schemac.sum catches it first, before any connection
  CHECK(unsummed.exit_code == 1);
  CHECK_MESSAGE(unsummed.err.find("0001_add_a.up.sql: error: this migration was edited after it was written") !=
                    std::string::npos,
                test::describe(unsummed));
  p.rehash();
  RunResult edited = p.migrate("down");
  CHECK(edited.exit_code == 1);
  CHECK_MESSAGE(edited.err.find("0001_add_a: edited after it was applied") != std::string::npos,
                test::describe(edited));
  CHECK(p.migrate("status").exit_code == 1);
  CHECK(p.versions() == history);
  spit(up, original);
  for (auto ext : {".up.sql", ".down.sql", ".snapshot.dsl"}) fs::remove(p.file(std::string("0003_add_c") + ext));
  p.rehash();
  RunResult missing = p.migrate("up");
  CHECK(missing.exit_code == 1);
  CHECK_MESSAGE(missing.err.find("0003_add_c: applied, but its migration is missing") != std::string::npos,
                test::describe(missing));
  CHECK(p.versions() == history);
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE tablename = 'c'") == "1");
}

TEST_CASE("migrate run: a failed no-transaction section resumes after the last completed one") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  fs::path up = p.file("0002_add_b.up.sql");
  std::string base = slurp(up);
  int sections = 0;
  for (size_t at = base.find("-- schemac:section "); at != std::string::npos;
       at = base.find("-- schemac:section ", at + 1))
    ++sections;
  auto with_index = [&](const std::string& column) {
    return base + fmt::format("\n-- schemac:section {} no-transaction\nCREATE INDEX CONCURRENTLY b_note_idx ON b ({});\n",
                              sections + 1, column);
  };
  spit(up, with_index("nosuch"));
  p.rehash();
  RunResult failed = p.migrate("up");
  CHECK(failed.exit_code == 1);
  CHECK_MESSAGE(failed.err.find("nosuch") != std::string::npos, test::describe(failed));
  CHECK(failed.out.find("applied 0001_add_a") == 0);
  CHECK(db.query_value("SELECT state || ' ' || sections_done FROM schemac.migrations WHERE version = 2") ==
        fmt::format("applying {}", sections));
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE tablename = 'b'") == "1");
  RunResult status = p.migrate("status", {"--exit-code"});
  CHECK(status.exit_code == 2);
  CHECK(status.out.find(fmt::format("partial       0002_add_b (applying stopped after section {})", sections)) !=
        std::string::npos);
  RunResult refused = p.migrate("down");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("0002_add_b: applied only up to section") != std::string::npos);
  spit(up, with_index("note"));
  p.rehash();
  RunResult resumed = p.migrate("up");  // re-running the CREATE TABLE of the first sections would fail
  REQUIRE_MESSAGE(resumed.exit_code == 0, test::describe(resumed));
  CHECK(resumed.out.find("applied 0002_add_b") == 0);
  CHECK(db.query_value("SELECT count(*) FROM pg_indexes WHERE indexname = 'b_note_idx'") == "1");
  CHECK(db.query_value("SELECT state || ' ' || sections_done FROM schemac.migrations WHERE version = 2") ==
        fmt::format("applied {}", sections + 1));
  CHECK(p.migrate("status").exit_code == 0);
}

TEST_CASE("migrate run: another session holding the run lock makes a runner give up after --lock-wait") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  db.exec("SELECT pg_advisory_lock(126879299938659)");  // the engine's key, runtime/src/migrations.cpp
  RunResult r = p.migrate("up", {"--lock-wait", "300"});
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.err.find("another schemac migrate run holds the migration lock") != std::string::npos,
                test::describe(r));
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE tablename = 'a'") == "0");
  db.exec("SELECT pg_advisory_unlock(126879299938659)");
  CHECK(p.migrate("up").exit_code == 0);
  CHECK(p.versions() == "1");
}

TEST_CASE("migrate run: a rollback stopped halfway blocks up and resumes with down") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  fs::path up = p.file("0002_add_b.up.sql"), down = p.file("0002_add_b.down.sql");
  spit(up, "-- schemac:section 1 transactional\nBEGIN;\nCREATE TABLE b (id bigint PRIMARY KEY, note text);\nCOMMIT;\n\n"
           "-- schemac:section 2 no-transaction\nCREATE INDEX CONCURRENTLY b_note_idx ON b (note);\n");
  auto down_text = [](const std::string& table) {
    return "-- schemac:section 1 no-transaction\nDROP INDEX CONCURRENTLY b_note_idx;\n\n"
           "-- schemac:section 2 transactional\nBEGIN;\nDROP TABLE " + table + ";\nCOMMIT;\n";
  };
  spit(down, down_text("nosuch"));
  p.rehash();
  REQUIRE(p.migrate("up").exit_code == 0);
  RunResult failed = p.migrate("down");
  CHECK(failed.exit_code == 1);
  CHECK_MESSAGE(failed.err.find("0002_add_b.down.sql:") != std::string::npos, test::describe(failed));
  CHECK(db.query_value("SELECT state || ' ' || sections_done FROM schemac.migrations WHERE version = 2") ==
        "reverting 1");
  CHECK(db.query_value("SELECT count(*) FROM pg_indexes WHERE indexname = 'b_note_idx'") == "0");
  RunResult blocked = p.migrate("up");
  CHECK(blocked.exit_code == 1);
  CHECK_MESSAGE(blocked.err.find("0002_add_b: its rollback stopped after 1 section(s)") != std::string::npos,
                test::describe(blocked));
  spit(down, down_text("b"));
  p.rehash();
  RunResult resumed = p.migrate("down");  // dropping the index again would fail
  REQUIRE_MESSAGE(resumed.exit_code == 0, test::describe(resumed));
  CHECK(p.versions() == "1");
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE tablename = 'b'") == "0");
}

TEST_CASE("migrate repair: a deliberate edit of an applied migration is accepted by name, and only then") {
  TestDb db(Server::pg15);
  Project p(db);
  three_migrations(p);
  REQUIRE(p.migrate("up", {"--to", "2"}).exit_code == 0);
  RunResult clean = p.migrate("repair", {"1"});
  CHECK(clean.exit_code == 1);  // nothing edited: nothing to accept
  CHECK_MESSAGE(clean.err.find("0001_add_a is not edited") != std::string::npos, test::describe(clean));
  CHECK(p.migrate("repair", {"3"}).exit_code == 1);  // pending: up applies it
  fs::path up = p.file("0001_add_a.up.sql");
  spit(up, slurp(up) + "-- a reviewer's note\n");
  p.rehash();
  REQUIRE(p.migrate("up").exit_code == 1);
  RunResult dry = p.migrate("repair", {"1", "--dry-run"});
  CHECK_MESSAGE(dry.out.find("would record 0001_add_a as edited") != std::string::npos, test::describe(dry));
  CHECK(p.migrate("up").exit_code == 1);  // a dry run records nothing
  RunResult repaired = p.migrate("repair", {"1"});
  CHECK_MESSAGE(repaired.exit_code == 0, test::describe(repaired));
  CHECK(repaired.out.find("recorded 0001_add_a as edited (checksum h1:") != std::string::npos);
  RunResult rest = p.migrate("up");
  CHECK_MESSAGE(rest.exit_code == 0, test::describe(rest));
  CHECK(p.versions() == "1,2,3");
}

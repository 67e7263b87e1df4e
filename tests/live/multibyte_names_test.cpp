// Derived names of objects on multibyte names: PostgreSQL cuts a derived name to 63 bytes on a character
// boundary (makeObjectName + pg_mbcliplen). schemac derives the same name, so the plan applies (no `invalid byte
// sequence`), and the catalog then matches the declaration: plan --db has nothing to do, pull round-trips.
#include <doctest/doctest.h>

#include "live_util.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::RunResult;
using schemac::test::Server;
using schemac::test::TestDb;

TEST_CASE("multibyte names: derived index and constraint names past 63 bytes cut on a character") {
  TestDb db(Server::pg15);
  test::TempDir dir;
  std::string cyr, cjk;  // 40 two-byte letters (80 bytes); 25 three-byte characters (75 bytes)
  for (int i = 0; i < 40; ++i) cyr += "\xd0\xb4";
  for (int i = 0; i < 25; ++i) cjk += "\xe5\xad\x97";
  std::string text = "table \"" + cjk.substr(0, 60) + "\" {\n  id bigint primary key\n  \"" + cyr.substr(0, 62) +
                     "\" int unique\n  \"" + cjk.substr(0, 54) + "\" text\n\n  index (\"" + cyr.substr(0, 62) +
                     "\", \"" + cjk.substr(0, 54) + "\")\n}\n";
  std::string file = dir.write("schema.dsl", text);
  RunResult plan = test::run_schemac({"plan", file, "--db", db.url()});
  INFO(test::describe(plan));
  REQUIRE(plan.exit_code == 0);
  RunResult psql = test::run_program(
      {"psql", db.url(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", dir.write("up.sql", plan.out)});
  INFO(test::describe(psql));
  REQUIRE(psql.exit_code == 0);
  // Every name the server holds is valid UTF-8 of at most 63 bytes, and is what schemac derived.
  for (auto& row : db.query_rows("SELECT relname FROM pg_class WHERE relkind = 'i' AND relnamespace = "
                                 "'public'::regnamespace")) {
    CAPTURE(row[0]);
    CHECK(row[0].size() <= 63);
    CHECK(plan.out.find(row[0]) != std::string::npos);
  }
  RunResult same = test::run_schemac({"plan", file, "--db", db.url(), "--exit-code"});
  INFO(test::describe(same));
  CHECK(same.exit_code == 0);
  RunResult pulled = test::run_schemac({"pull", "--db", db.url()});
  REQUIRE(pulled.exit_code == 0);
  std::string again = dir.write("pulled.dsl", pulled.out);
  RunResult round = test::run_schemac({"plan", again, "--db", db.url(), "--exit-code"});
  INFO(test::describe(round));
  CHECK(round.exit_code == 0);
}

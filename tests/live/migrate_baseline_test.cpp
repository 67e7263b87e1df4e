// `schemac migrate baseline N` on the real server: a database built by hand-written SQL is adopted with
// `pull` -> `migrate new init` -> `migrate baseline 1`, after which `migrate up` runs only the later migrations;
// a baseline refuses a version that is not a migration or one below what the history already has.
#include <doctest/doctest.h>

#include "migrate_project.hpp"

using namespace schemac::test;

TEST_CASE("migrate baseline: a database built by hand is adopted at 0001, then up applies only 0002") {
  TestDb db(Server::pg15);
  RunResult built = psql_file(db.url(),
                              "CREATE TABLE a (id bigint PRIMARY KEY, note text);\n"
                              "INSERT INTO a VALUES (1, 'kept'), (2, 'kept');\n");
  REQUIRE_MESSAGE(built.exit_code == 0, describe(built));
  Project p(db);
  std::string pulled = p.pull();
  p.add("init", pulled);
  RunResult before = p.migrate("status", {"--exit-code"});
  CHECK(before.exit_code == 2);
  CHECK(before.out.find("pending       0001_init") == 0);

  RunResult unknown = p.migrate("baseline", {"3"});
  CHECK(unknown.exit_code == 1);
  CHECK_MESSAGE(unknown.err.find("there is no migration 0003 to baseline at") != std::string::npos, describe(unknown));
  RunResult decimal = p.migrate("baseline", {"0010"});  // decimal as in the file names, not octal 8
  CHECK_MESSAGE(decimal.err.find("there is no migration 0010 to baseline at") != std::string::npos, describe(decimal));
  CHECK(p.migrate("baseline", {"x1"}).exit_code != 0);
  CHECK(p.versions() == "");

  RunResult b = p.migrate("baseline", {"0001"});
  REQUIRE_MESSAGE(b.exit_code == 0, describe(b));
  CHECK(b.out == "baselined 0001_init (recorded as applied, nothing run)\n");
  CHECK(p.versions() == "1");
  std::string sum = slurp(p.file("schemac.sum"));
  std::string checksum = db.query_value("SELECT checksum FROM schemac.migrations WHERE version = 1");
  CHECK_MESSAGE(sum.find("0001_init.up.sql " + checksum + "\n") != std::string::npos, checksum);
  CHECK(db.query_value("SELECT state || ' ' || duration_ms FROM schemac.migrations") == "applied 0");
  CHECK(p.migrate("status", {"--exit-code"}).exit_code == 0);
  CHECK(p.migrate("baseline", {"1"}).out.find("nothing to record") == 0);

  p.add("add_b", pulled + "\ntable b {\n  id bigint primary key\n}\n");
  RunResult up = p.migrate("up");
  REQUIRE_MESSAGE(up.exit_code == 0, describe(up));
  CHECK(up.out.find("applied 0002_add_b (") == 0);
  CHECK(up.out.find("0001_init") == std::string::npos);
  CHECK(p.versions() == "1,2");
  CHECK(db.query_value("SELECT count(*) FROM a WHERE note = 'kept'") == "2");
  RunResult plan = p.run({"plan", "--db", db.url(), "--exit-code"});
  CHECK_MESSAGE(plan.exit_code == 0, describe(plan));

  RunResult below = p.migrate("baseline", {"1"});
  CHECK(below.exit_code == 1);
  CHECK_MESSAGE(below.err.find("the database is already at 0002_add_b, past 0001") != std::string::npos,
                describe(below));
  CHECK(p.versions() == "1,2");
}

// A long statement reports progress: while one statement runs, `migrate up` prints where it is and how long it
// has been running, again at each interval, and nothing of it goes into --format json.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "migrate_project.hpp"

using namespace schemac::test;

TEST_CASE("migrate progress: a statement running longer than --progress-every is reported while it runs") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  spit(p.file("0001_add_a.up.sql"), "-- schemac:section 1 transactional\nBEGIN;\nCREATE TABLE a (id bigint PRIMARY KEY);\n"
                                     "SELECT pg_sleep(1.3);\nCOMMIT;\n");
  p.rehash();
  RunResult r = p.migrate("up", {"--progress-every", "400"});
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  size_t first = r.out.find("0001_add_a.up.sql:4:1 (0001_add_a up, section 1, statement 2): still running after 0 s");
  CHECK_MESSAGE(first != std::string::npos, describe(r));
  CHECK_MESSAGE(r.out.find("still running after 1 s") != std::string::npos, describe(r));  // reported again
  CHECK(r.out.find("still running") < r.out.find("applied 0001_add_a"));
  CHECK(db.query_value("SELECT to_regclass('public.a') IS NOT NULL") == "t");

  REQUIRE(p.migrate("down").exit_code == 0);
  RunResult quiet = p.migrate("up", {"--progress-every", "0"});
  REQUIRE_MESSAGE(quiet.exit_code == 0, describe(quiet));
  CHECK(quiet.out.find("still running") == std::string::npos);
  REQUIRE(p.migrate("down").exit_code == 0);
  RunResult json = p.migrate("up", {"--progress-every", "400", "--format", "json"});
  REQUIRE_MESSAGE(json.exit_code == 0, describe(json));
  CHECK(json.out.find("still running") == std::string::npos);
  CHECK(nlohmann::json::parse(json.out)["targets"][0]["result"] == "ok");
}

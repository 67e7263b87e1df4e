// Drift in `schemac migrate status` on the real server: the live catalog compared with the snapshot of the
// newest applied migration; a change made by hand is listed, one line each, and `--exit-code` exits 2.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "migrate_project.hpp"

using namespace schemac::test;
using Json = nlohmann::json;

TEST_CASE("migrate status: a column and an index added by hand are drift, listed, and --exit-code gives 2") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  REQUIRE(p.migrate("up").exit_code == 0);
  RunResult clean = p.migrate("status", {"--exit-code", "--format", "json"});
  CHECK_MESSAGE(clean.exit_code == 0, describe(clean));
  Json t = Json::parse(clean.out)["targets"][0];
  CHECK(t["result"] == "ok");
  CHECK(t["drift_from"] == "0001_add_a");
  CHECK(t["drift"] == Json::array());

  db.exec("ALTER TABLE a ADD COLUMN extra text");
  db.exec("CREATE INDEX a_extra_idx ON a (extra)");
  RunResult text = p.migrate("status", {"--exit-code"});
  CHECK(text.exit_code == 2);
  CHECK_MESSAGE(text.out.find("applied       0001_add_a (") == 0, describe(text));
  CHECK_MESSAGE(text.out.find("\ndrift         add column public.a.extra") != std::string::npos, describe(text));
  auto index_line = text.out.find("\ndrift         ");
  index_line = text.out.find("\ndrift         ", index_line + 1);
  REQUIRE_MESSAGE(index_line != std::string::npos, describe(text));
  CHECK_MESSAGE(text.out.find("a_extra_idx", index_line) != std::string::npos, describe(text));
  CHECK(p.migrate("status").exit_code == 0);  // without --exit-code drift is reported, not an error

  RunResult json = p.migrate("status", {"--exit-code", "--format", "json"});
  CHECK(json.exit_code == 2);
  t = Json::parse(json.out)["targets"][0];
  CHECK(t["result"] == "drifted");
  REQUIRE(t["drift"].size() == 2);
  // Typed: what changed, on which object, and the column as the database has it now.
  CHECK(t["drift"][0]["kind"] == "add_column");
  CHECK(t["drift"][0]["target"]["name"] == "extra");
  CHECK(t["drift"][0]["to"]["type"] == "text");
  CHECK(t["drift"][1]["kind"] == "create_index");

  db.exec("DROP INDEX a_extra_idx");
  db.exec("ALTER TABLE a DROP COLUMN extra");
  CHECK(p.migrate("status", {"--exit-code"}).exit_code == 0);
}

TEST_CASE("migrate status --schema: tables in other schemas are not this project's drift") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  REQUIRE(p.migrate("up").exit_code == 0);
  db.exec("CREATE SCHEMA reporting; CREATE TABLE reporting.daily (d date)");
  RunResult all = p.migrate("status", {"--exit-code"});
  CHECK(all.exit_code == 2);
  CHECK_MESSAGE(all.out.find("reporting.daily") != std::string::npos, describe(all));
  RunResult only = p.migrate("status", {"--exit-code", "--schema", "public"});
  CHECK_MESSAGE(only.exit_code == 0, describe(only));
  CHECK(only.out.find("drift") == std::string::npos);
  db.exec("ALTER TABLE a ADD COLUMN extra text");
  RunResult still = p.migrate("status", {"--exit-code", "--schema", "public"});
  CHECK(still.exit_code == 2);
  CHECK_MESSAGE(still.out.find("add column public.a.extra") != std::string::npos, describe(still));
}

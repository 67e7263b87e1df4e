// `schemac migrate up/down/status/history --format json` on the real server: stdout is one JSON document,
// {"targets": [{"target", "result", "from", "to", "migrations": [...], "error"?}]}, that scripts can read; a
// failure is in it too (and on stderr for people).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "migrate_project.hpp"

using namespace schemac::test;
using Json = nlohmann::json;

namespace {

// The one target of a JSON document on stdout; fails the test when stdout is anything else.
Json only_target(const RunResult& r) {
  Json doc = Json::parse(r.out, nullptr, false);
  REQUIRE_MESSAGE(!doc.is_discarded(), describe(r));
  REQUIRE_MESSAGE(doc["targets"].size() == 1, describe(r));
  return doc["targets"][0];
}

}  // namespace

TEST_CASE("migrate --format json: up, status, history and down as documents, a failure with its message") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  p.add("add_b", kTwo);
  p.add("add_c", kThree);

  RunResult up = p.migrate("up", {"--to", "2", "--format", "json"});
  REQUIRE_MESSAGE(up.exit_code == 0, describe(up));
  Json t = only_target(up);
  CHECK(t["result"] == "ok");
  CHECK(t["target"] == db.redacted_url());
  CHECK(t["from"] == 0);
  CHECK(t["to"] == 2);
  REQUIRE(t["migrations"].size() == 2);
  CHECK(t["migrations"][1]["version"] == 2);
  CHECK(t["migrations"][1]["name"] == "add_b");
  CHECK(t["migrations"][1]["action"] == "up");
  CHECK(t["migrations"][1]["duration_ms"].is_number_integer());
  CHECK(t["migrations"][1]["dry_run"] == false);

  RunResult status = p.migrate("status", {"--format", "json", "--exit-code"});
  CHECK(status.exit_code == 2);
  t = only_target(status);
  CHECK(t["result"] == "pending");
  REQUIRE(t["migrations"].size() == 3);
  CHECK(t["migrations"][0]["status"] == "applied");
  CHECK(t["migrations"][0]["applied_at"].get<std::string>().ends_with("Z"));
  CHECK(t["migrations"][2]["label"] == "0003_add_c");
  CHECK(t["migrations"][2]["status"] == "pending");
  CHECK(t["migrations"][2]["applied_at"].is_null());
  CHECK(t["to"] == 3);

  RunResult history = p.migrate("history", {"--format", "json"});
  REQUIRE_MESSAGE(history.exit_code == 0, describe(history));
  t = only_target(history);
  REQUIRE(t["migrations"].size() == 2);
  CHECK(t["migrations"][0]["checksum"].get<std::string>().starts_with("h1:"));
  CHECK(t["migrations"][1]["state"] == "applied");
  CHECK(t["migrations"][1]["duration_ms"].is_number_integer());

  RunResult down = p.migrate("down", {"--format", "json"});
  REQUIRE_MESSAGE(down.exit_code == 0, describe(down));
  t = only_target(down);
  CHECK(t["from"] == 2);
  CHECK(t["to"] == 1);
  REQUIRE(t["migrations"].size() == 1);
  CHECK(t["migrations"][0]["action"] == "down");

  RunResult dry = p.migrate("up", {"--dry-run", "--format", "json"});
  t = only_target(dry);
  REQUIRE(t["migrations"].size() == 2);
  CHECK(t["migrations"][0]["dry_run"] == true);
  CHECK(t["to"] == 1);

  fs::path c = p.file("0003_add_c.up.sql");
  std::string text = slurp(c);
  auto begin = text.find("BEGIN;\n");
  REQUIRE(begin != std::string::npos);
  spit(c, text.insert(begin + 7, "SELECT 1/0;\n"));
  p.rehash();
  RunResult failed = p.migrate("up", {"--format", "json"});
  CHECK(failed.exit_code == 1);
  t = only_target(failed);
  CHECK(t["result"] == "failed");
  CHECK(t["from"] == 1);
  CHECK(t["to"] == 2);
  CHECK(t["migrations"].size() == 1);
  CHECK_MESSAGE(t["error"]["message"].get<std::string>().find("division by zero") != std::string::npos, describe(failed));
  CHECK(failed.err.find("division by zero") != std::string::npos);

  RunResult text_up = p.migrate("status");
  CHECK(text_up.out.find("applied       0002_add_b (") != std::string::npos);
}

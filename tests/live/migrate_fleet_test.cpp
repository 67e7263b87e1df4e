// Fleets on the real server: `--db` repeated and `--targets FILE`, at most `--jobs N` at once, each database
// with its own connection, lock and history; one unreachable database is reported failed and the others are
// migrated (exit code 1), or with --fail-fast stops the ones after it; a summary table at the end; a password
// in a URL never appears in any output, text or JSON.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <memory>

#include "migrate_project.hpp"

using namespace schemac::test;
using Json = nlohmann::json;

namespace {

// A closed port: connecting is refused at once. The password is what must never be printed.
const std::string kSecret = "fleetS3cretPW";
const std::string kUnreachable = "postgresql://fleet:" + kSecret + "@127.0.0.1:1/nowhere?connect_timeout=3";

void no_secret(const RunResult& r) {
  CHECK_MESSAGE(r.out.find(kSecret) == std::string::npos, describe(r));
  CHECK_MESSAGE(r.err.find(kSecret) == std::string::npos, describe(r));
}

struct Fleet {
  std::vector<std::unique_ptr<TestDb>> dbs;
  std::unique_ptr<Project> project;  // its migrations, run against every database of the fleet
  Fleet() {
    for (int i = 0; i < 4; ++i) dbs.push_back(std::make_unique<TestDb>(Server::pg15));
    project = std::make_unique<Project>(*dbs[0]);
    project->add("add_a", kOne);
    project->add("add_b", kTwo);
  }
  // Two databases by --db, then a targets file with the unreachable one between the other two.
  RunResult migrate(const std::string& sub, std::vector<std::string> args) const {
    spit(project->dir.path / "targets.txt", "# the fleet\n" + dbs[2]->url() + "\n\n" + kUnreachable + "\n  # staging\n" +
                                                dbs[3]->url() + "\n");
    std::vector<std::string> all{"migrate", sub, "--db", dbs[0]->url(), "--db", dbs[1]->url(), "--targets",
                                 "targets.txt"};
    all.insert(all.end(), args.begin(), args.end());
    RunResult r = project->run(all);
    no_secret(r);
    return r;
  }
  std::string version(size_t i) const {
    return dbs[i]->query_value("SELECT coalesce(max(version), 0) FROM schemac.migrations");
  }
};

}  // namespace

TEST_CASE("migrate fleet: five databases, one unreachable: four migrated, one failed, exit 1, no password shown") {
  Fleet f;
  RunResult up = f.migrate("up", {"--jobs", "3"});
  CHECK(up.exit_code == 1);
  for (size_t i = 0; i < 4; ++i) CHECK(f.version(i) == "2");
  for (size_t i = 0; i < 4; ++i)
    CHECK_MESSAGE(up.out.find("[" + f.dbs[i]->redacted_url() + "] applied 0002_add_b (") != std::string::npos,
                  describe(up));
  CHECK_MESSAGE(up.err.find("] error: ") != std::string::npos, describe(up));
  auto table = up.out.find("\ntarget ");
  REQUIRE_MESSAGE(table != std::string::npos, describe(up));
  std::string summary = up.out.substr(table);
  for (size_t i = 0; i < 4; ++i)
    CHECK_MESSAGE(summary.find(f.dbs[i]->redacted_url()) != std::string::npos, summary);
  CHECK(summary.find("  0000  0002  ok") != std::string::npos);
  CHECK_MESSAGE(summary.find("  -     -     failed: ") != std::string::npos, summary);
  CHECK(summary.find("127.0.0.1") != std::string::npos);

  RunResult status = f.migrate("status", {"--format", "json", "--exit-code", "--jobs", "5"});
  CHECK(status.exit_code == 1);
  Json doc = Json::parse(status.out, nullptr, false);
  REQUIRE_MESSAGE(!doc.is_discarded(), describe(status));
  REQUIRE(doc["targets"].size() == 5);
  int ok = 0;
  for (auto& t : doc["targets"]) {
    if (t["result"] == "ok") {
      ++ok;
      CHECK(t["from"] == 2);
      CHECK(t["drift"] == Json::array());
    }
  }
  CHECK(ok == 4);
  CHECK(doc["targets"][3]["result"] == "failed");
  CHECK(doc["targets"][3]["from"].is_null());
  CHECK(doc["targets"][3]["error"]["message"].get<std::string>().find("127.0.0.1") != std::string::npos);

  RunResult down = f.migrate("down", {});
  CHECK(down.exit_code == 1);
  for (size_t i = 0; i < 4; ++i) CHECK(f.version(i) == "1");
}

TEST_CASE("migrate fleet: --fail-fast starts no database after one that failed") {
  Fleet f;
  RunResult up = f.migrate("up", {"--fail-fast"});  // one at a time, in order: 0, 1, 2, the unreachable, 3
  CHECK(up.exit_code == 1);
  CHECK(f.version(0) == "2");
  CHECK(f.version(2) == "2");
  CHECK(f.dbs[3]->query_value("SELECT count(*) FROM pg_namespace WHERE nspname = 'schemac'") == "0");
  CHECK_MESSAGE(up.out.find(f.dbs[3]->redacted_url() + "  -     -     skipped") != std::string::npos, describe(up));
}

TEST_CASE("migrate fleet: a targets file that lists no database is refused, naming it") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kOne);
  spit(p.dir.path / "targets.txt", "# nothing yet\n\n");
  RunResult r = p.run({"migrate", "up", "--targets", "targets.txt"});
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.err.find("targets.txt") != std::string::npos, describe(r));
  CHECK_MESSAGE(r.err.find("lists no database") != std::string::npos, describe(r));
}

// The golden pull cases (tests/golden/pull/<case>/): setup.sql is run in a fresh database on the case's
// "server", then the case's command (`schemac pull --db ${db}`) is compared like any case.json case.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "golden_case.hpp"
#include "testdb.hpp"

namespace fs = std::filesystem;

namespace {

schemac::test::Server server_named(const std::string& name) {
  for (auto s : {schemac::test::Server::pg15, schemac::test::Server::tsdb, schemac::test::Server::tsl})
    if (name == schemac::test::server_name(s)) return s;
  FAIL("unknown \"server\": \"" << name << "\" (pg15, tsdb or tsl)");
  return schemac::test::Server::pg15;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("golden: pull prints what setup.sql made") {
  auto all = schemac::test::golden_cases("pull", true);
  CHECK(all.size() > 0);
  for (auto& dir : all) {
    SUBCASE(dir.filename().string().c_str()) {
      std::string server = schemac::test::case_option(dir, "server");
      schemac::test::TestDb db(server_named(server.empty() ? "pg15" : server));
      if (fs::exists(dir / "setup.sql")) db.exec(slurp(dir / "setup.sql"));
      schemac::test::run_golden_case(dir, {{"db", db.url()}});
    }
  }
}

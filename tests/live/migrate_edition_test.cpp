// The runner refuses a server of another TimescaleDB edition than migrations/schemac.edition records, before
// anything runs, as `plan --db` does (catalog/preflight.hpp): policies written for one license fail halfway on
// the other.
#include <doctest/doctest.h>

#include "migrate_project.hpp"

using namespace schemac::test;

namespace {

const std::string kHyper =
    "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n  price numeric(20,8)\n\n"
    "  hypertable on ts {\n    chunk_interval 1 day\n  }\n}\n";

}  // namespace

TEST_CASE("migrate edition: up and down refuse a server of the other edition, changing nothing") {
  TestDb db(Server::tsl);  // the Timescale license
  Project p(db, "apache");
  p.add("init", kHyper);
  RunResult up = p.migrate("up");
  CHECK(up.exit_code == 1);
  CHECK_MESSAGE(up.err.find("this server runs the timescale edition of TimescaleDB, but the migrations target the "
                            "apache edition") != std::string::npos,
                describe(up));
  CHECK_MESSAGE(up.err.find("schemac.edition:1:1") != std::string::npos, describe(up));
  CHECK(db.query_value("SELECT to_regclass('public.ticks') IS NULL") == "t");
  CHECK(db.query_value("SELECT to_regclass('schemac.migrations') IS NULL") == "t");
  CHECK(p.migrate("down").exit_code == 1);

  // Changed deliberately, the same files apply.
  REQUIRE(p.run({"migrate", "edition", "timescale"}).exit_code == 0);
  RunResult again = p.migrate("up");
  CHECK_MESSAGE(again.exit_code == 0, describe(again));
  CHECK(p.versions() == "1");
}

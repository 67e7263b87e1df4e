#include "cli/migrate_run.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "cli/migrate_targets.hpp"
#include "migrate/migrate.hpp"
#include "model/files.hpp"
#include "temp_dir.hpp"

using namespace schemac;

namespace {

const char* kUp =
    "-- schemac:section 1 transactional\nBEGIN;\nCREATE TABLE t (id int);\nCREATE TABLE u (id int);\nCOMMIT;\n\n"
    "-- schemac:section 2 no-transaction\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n";
const char* kDown = "-- schemac:section 1 transactional\nBEGIN;\nDROP TABLE u;\nDROP TABLE t;\nCOMMIT;\n";

}  // namespace

TEST_CASE("migrations/ in the engine's form: sections, where each statement is, the sum's hash as checksum") {
  test::TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path / "migrations", d);
  write_migration(dir, NewMigration{"init", kUp, kDown, "table t {\n  id int?\n}\n"});
  std::ostringstream out, err;
  auto ms = runtime_migrations((tmp.path / "migrations").string(), Io{out, err});
  REQUIRE_MESSAGE(ms, err.str());
  REQUIRE(ms->size() == 1);
  const runtime::Migration& m = ms->front();
  CHECK(m.label() == "0001_init");
  std::string sum = read_file(tmp.path / "migrations" / kSumFile);
  CHECK(sum.find("0001_init.up.sql " + m.checksum + "\n") != std::string::npos);
  REQUIRE(m.up.size() == 2);
  CHECK(m.up[0].transactional);
  CHECK(m.up[0].statements == std::vector<std::string>{"CREATE TABLE t (id int)", "CREATE TABLE u (id int)"});
  REQUIRE(m.up[0].origins.size() == 2);
  CHECK(m.up[0].origins[1].ends_with("0001_init.up.sql:4:1"));
  CHECK_FALSE(m.up[1].transactional);
  REQUIRE(m.down.size() == 1);
  CHECK(m.down[0].statements.size() == 2);
}

TEST_CASE("a malformed script stops the runner before it connects, with its place") {
  test::TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path / "migrations", d);
  write_migration(dir, NewMigration{"init", "CREATE TABLE t (id int);\n", kDown, "table t {\n  id int?\n}\n"});
  std::ostringstream out, err;
  CHECK_FALSE(runtime_migrations((tmp.path / "migrations").string(), Io{out, err}));
  CHECK_MESSAGE(err.str().find("0001_init.up.sql:1:1") != std::string::npos, err.str());
}

TEST_CASE("a targets file: one URL a line, blank lines and # comments skipped, each named by its line") {
  auto t = parse_targets("# staging first\n  host=a dbname=x  \n\n\t# production\npostgresql://b/y\r\n", "fleet.txt");
  REQUIRE(t.size() == 2);
  CHECK(t[0].url == "host=a dbname=x");
  CHECK(t[0].source == "fleet.txt:2");
  CHECK(t[1].url == "postgresql://b/y");
  CHECK(t[1].source == "fleet.txt:5");
  CHECK(parse_targets("# none\n\n", "empty.txt").empty());
}

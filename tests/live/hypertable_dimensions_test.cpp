// Extra hypertable dimensions and integer_now on TimescaleDB: the plan creates them, inspect reads them back (so
// planning again is empty), a hash dimension's partitions change in place with rows present, both ways, and what
// TimescaleDB cannot undo (a dimension added to an existing hypertable, an integer_now unset) is a plan error.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "live_util.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::RunResult;
using schemac::test::Server;
using schemac::test::TestDb;

namespace {

// A counter-stamped hypertable hash-partitioned by symbol_id, with `extra` as more hypertable settings.
std::string declaration(int partitions, const std::string& extra = "") {
  return fmt::format("extension timescaledb\n\ntable counters {{\n  n bigint\n  symbol_id int\n  v int?\n\n"
                     "  hypertable on n {{\n    chunk_interval 1000\n    partition_by symbol_id hash {}\n"
                     "    integer_now counters_now\n{}  }}\n}}\n",
                     partitions, extra);
}

// `schemac plan` of `text` against the database; its UP applied with psql. Returns both scripts.
test::PlanScripts plan_and_apply(TestDb& db, const test::TempDir& dir, const std::string& text) {
  dir.write("schema.dsl", text);
  test::PlanScripts scripts = test::plan_scripts("schema.dsl", db.url(), dir.path.string());
  RunResult up = test::psql_file(db.url(), scripts.up);
  INFO(test::describe(up) << "\n" << scripts.up);
  REQUIRE(up.exit_code == 0);
  return scripts;
}

std::string partitions(TestDb& db) {
  return db.query_value("SELECT num_partitions FROM timescaledb_information.dimensions WHERE hypertable_name = "
                        "'counters' AND column_name = 'symbol_id'");
}

RunResult plan(TestDb& db, const test::TempDir& dir, const std::string& text) {
  dir.write("schema.dsl", text);
  return test::run_schemac({"plan", "schema.dsl", "--db", db.url(), "--exit-code"}, dir.path.string());
}

}  // namespace

TEST_CASE("hypertable dimensions: created with integer_now, partitions changed with rows present, both ways") {
  TestDb db(Server::tsdb);
  test::TempDir dir;
  // The function is the user's: schemac names it and leaves it alone.
  db.exec("CREATE FUNCTION counters_now() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT 0::bigint'");
  test::PlanScripts made = plan_and_apply(db, dir, declaration(4));
  CHECK(made.up.find("SELECT add_dimension('public.counters', by_hash('symbol_id', 4));") != std::string::npos);
  CHECK(db.query_value("SELECT dimension_type || ' ' || num_partitions FROM timescaledb_information.dimensions "
                       "WHERE hypertable_name = 'counters' AND dimension_number = 2") == "Space 4");
  CHECK(db.query_value("SELECT integer_now_func_schema || '.' || integer_now_func FROM _timescaledb_catalog.dimension "
                       "WHERE column_name = 'n'") == "public.counters_now");
  db.exec("INSERT INTO counters SELECT i * 100, i % 7, i FROM generate_series(1, 50) i");

  RunResult same = plan(db, dir, declaration(4));
  INFO(test::describe(same));
  CHECK(same.exit_code == 0);  // inspect read the dimension and the function back

  dir.write("schema.dsl", declaration(8));
  test::check_up_down(db, dir, "schema.dsl", [&](const test::UpDown& u) {
    CHECK(u.scripts.up.find("SELECT set_number_partitions('public.counters', 8, 'symbol_id');") != std::string::npos);
    CHECK(partitions(db) == "8");
    db.exec("INSERT INTO counters SELECT i * 100, i % 7, i FROM generate_series(51, 100) i");
  });
  CHECK(partitions(db) == "4");
  CHECK(db.query_value("SELECT count(*) FROM counters") == "100");
  RunResult back = plan(db, dir, declaration(4));
  INFO(test::describe(back));
  CHECK(back.exit_code == 0);

  // A retention policy on the integer time column is fine now that integer_now is there (check agrees): only the
  // Apache edition stands in its way, which is said by its own message.
  RunResult retention = plan(db, dir, declaration(4, "    retention 5000\n"));
  INFO(test::describe(retention));
  CHECK(retention.err.find("needs an integer_now function") == std::string::npos);
  CHECK(retention.err.find("a retention policy on public.counters needs TimescaleDB's Timescale license") !=
        std::string::npos);
}

TEST_CASE("hypertable dimensions: what TimescaleDB cannot undo on an existing hypertable is a plan error") {
  TestDb db(Server::tsdb);
  test::TempDir dir;
  db.exec("CREATE FUNCTION counters_now() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT 0::bigint'");
  plan_and_apply(db, dir, declaration(4));
  db.exec("INSERT INTO counters SELECT i, i % 3, i FROM generate_series(1, 10) i");

  std::string added = declaration(4, "    partition_by v range 100\n");
  RunResult add = plan(db, dir, added);
  INFO(test::describe(add));
  CHECK(add.exit_code == 1);
  CHECK(add.err.find("cannot add range partitioning of v by 100 to the existing hypertable public.counters: "
                     "TimescaleDB cannot remove a dimension") != std::string::npos);
  CHECK(add.err.find("recreate the table") != std::string::npos);
  CHECK(add.out.find("add_dimension") == std::string::npos);

  std::string without = "extension timescaledb\n\ntable counters {\n  n bigint\n  symbol_id int\n  v int?\n\n"
                        "  hypertable on n {\n    chunk_interval 1000\n    integer_now counters_now\n  }\n}\n";
  RunResult removed = plan(db, dir, without);
  INFO(test::describe(removed));
  CHECK(removed.exit_code == 1);
  CHECK(removed.err.find("cannot remove hash partitioning of symbol_id into 4 partitions of the existing hypertable "
                         "public.counters") != std::string::npos);

  std::string no_now = "extension timescaledb\n\ntable counters {\n  n bigint\n  symbol_id int\n  v int?\n\n"
                       "  hypertable on n {\n    chunk_interval 1000\n    partition_by symbol_id hash 4\n  }\n}\n";
  RunResult unset = plan(db, dir, no_now);
  INFO(test::describe(unset));
  CHECK(unset.exit_code == 1);
  CHECK(unset.err.find("cannot unset the integer_now function public.counters_now of hypertable public.counters") !=
        std::string::npos);
  // Nothing was changed by the refused plans.
  CHECK(db.query_value("SELECT count(*) FROM timescaledb_information.dimensions WHERE hypertable_name = 'counters'") ==
        "2");
}

// Exclusion constraints and enum values added to tables that hold rows, applied with psql as a person would
// (check_up_down): the plan keeps every row, gives the catalog what was declared (read with PostgreSQL's own
// deparsers), plans nothing more, and its DOWN gives back the first catalog exactly. Rows that break a new exclusion constraint
// make UP fail and leave the database as it was.
#include <doctest/doctest.h>

#include <string>

#include "fingerprint.hpp"
#include "live_util.hpp"
#include "testdb.hpp"

using schemac::test::catalog_fingerprint;
using schemac::test::check_up_down;
using schemac::test::describe;
using schemac::test::psql_file;
using schemac::test::RunResult;
using schemac::test::run_schemac;
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::TestDb;

namespace {

// Applies `file`'s plan against `db` with psql and fails the test when it does not apply.
void apply(TestDb& db, TempDir& dir, const std::string& file) {
  RunResult plan = run_schemac({"plan", file, "--db", db.url(), "--format", "sql"}, dir.path.string());
  REQUIRE_MESSAGE(plan.exit_code == 0, describe(plan));
  RunResult applied = psql_file(db.url(), plan.out);
  REQUIRE_MESSAGE(applied.exit_code == 0, describe(applied));
}

const char* kBookings = R"(extension btree_gist

table bookings {
  id     int primary key
  room   int
  during tstzrange
}
)";

const char* kExclusive = R"(extension btree_gist

table bookings {
  id     int primary key
  room   int
  during tstzrange

  exclude no_double_booking using gist (room with =, during with &&) where (room > 0) deferrable
}
)";

}  // namespace

TEST_CASE("exclusion constraint: added to a table with rows and dropped again; rows that break it stop UP") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("plain.dsl", kBookings);
  dir.write("exclusive.dsl", kExclusive);
  apply(db, dir, "plain.dsl");
  db.exec("insert into bookings select i, i % 10, tstzrange(timestamptz '2026-01-01' + i * interval '1 hour', "
          "timestamptz '2026-01-01' + (i + 1) * interval '1 hour') from generate_series(1, 300) i");
  const schemac::test::UpDown r = check_up_down(db, dir, "exclusive.dsl", [&](const schemac::test::UpDown& u) {
    CHECK_MESSAGE(u.after.find("no_double_booking EXCLUDE USING gist (room WITH =, during WITH &&) WHERE ((room > 0)) "
                               "DEFERRABLE") != std::string::npos,
                  u.after);
    // The constraint holds: an overlapping booking of the same room is refused.
    CHECK_THROWS(
        db.exec("insert into bookings values (1000, 1, tstzrange('2026-01-01 01:30+00', '2026-01-01 02:30+00'))"));
  });
  CHECK(db.query_value("select count(*) from bookings") == "300");

  // With a row that breaks it, UP fails in its section and leaves the catalog and the rows as they were.
  db.exec("insert into bookings values (1000, 1, tstzrange('2026-01-01 01:30+00', '2026-01-01 02:30+00'))");
  RunResult refused = psql_file(db.url(), r.scripts.up);
  CHECK(refused.exit_code != 0);
  CHECK_MESSAGE(refused.err.find("no_double_booking") != std::string::npos, describe(refused));
  CHECK(catalog_fingerprint(db) == r.before);
  CHECK(db.query_value("select count(*) from bookings") == "301");
}

TEST_CASE("enum values added before, between and after the old ones keep the declared order, with rows") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("old.dsl", "enum side { buy, sell }\n\ntable orders {\n  id int primary key\n  side side\n}\n");
  dir.write("new.dsl", "enum side { unknown, buy, hold, sell, closed }\n\n"
                       "table orders {\n  id int primary key\n  side side\n}\n");
  apply(db, dir, "old.dsl");
  db.exec("insert into orders select i, (array['buy', 'sell'])[1 + i % 2]::side from generate_series(1, 200) i");
  check_up_down(db, dir, "new.dsl", [&](const schemac::test::UpDown& u) {
    CHECK(u.scripts.up.find("ADD VALUE 'unknown' BEFORE 'buy'") != std::string::npos);
    CHECK(u.scripts.up.find("ADD VALUE 'hold' AFTER 'buy'") != std::string::npos);
    CHECK(db.query_value("select enum_range(null::side)::text") == "{unknown,buy,hold,sell,closed}");
    CHECK(db.query_value("select count(*) from orders where side = 'sell'") == "100");
  });
  CHECK(db.query_value("select string_agg(side::text, ',' order by id) from orders where id <= 4") ==
        "sell,buy,sell,buy");
}

// Sequences of their own, on tables that hold rows: created before the defaults that draw from them, their options
// and type changed without moving the current value, renamed with the defaults following, dropped only with
// --allow-destructive; UP by hand with psql, the catalog as declared, nothing more to plan, DOWN back to the
// start; and a change PostgreSQL refuses (a bound below the current value) fails and leaves everything as it was.
#include <doctest/doctest.h>

#include <string>

#include "fingerprint.hpp"
#include "live_util.hpp"
#include "testdb.hpp"

using schemac::test::catalog_fingerprint;
using schemac::test::describe;
using schemac::test::psql_file;
using schemac::test::RunResult;
using schemac::test::run_schemac;
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::TestDb;

namespace {

const char* kStart = R"(sequence order_numbers as int (start 1000 increment 10)
sequence retired

schema billing {
  sequence invoice_no
}

table orders {
  id  bigint default nextval('order_numbers') primary key
  inv bigint default nextval('billing.invoice_no')
}
)";

const char* kChanged = R"(/// one number per order
@renamed_from(order_numbers)
sequence order_no as int (start 1000 increment 5 maxvalue 100000 cycle)

schema billing {
  sequence invoice_no as int
  sequence credit_no (start 500)
}

table orders {
  id     bigint default nextval('order_no') primary key
  inv    bigint default nextval('billing.invoice_no')
  credit bigint? default nextval('billing.credit_no')
}
)";

// The bound is below the current value (1020): ALTER SEQUENCE fails, after the column was added in the same
// transaction.
const char* kRefused = R"(sequence order_numbers as int (start 1000 increment 10 maxvalue 1001)
sequence retired

schema billing {
  sequence invoice_no
}

table orders {
  id    bigint default nextval('order_numbers') primary key
  inv   bigint default nextval('billing.invoice_no')
  extra int?
}
)";

schemac::test::PlanScripts plan_destructive(const std::string& file, const std::string& url, const std::string& cwd) {
  return schemac::test::plan_scripts(file, url, cwd, true);
}

std::string rows(TestDb& db) { return db.query_value("select string_agg(id || ':' || inv, ',' order by id) from orders"); }

}  // namespace

TEST_CASE("sequences: create, alter, rename and drop with rows, up by hand and down") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("start.dsl", kStart);
  dir.write("changed.dsl", kChanged);
  dir.write("refused.dsl", kRefused);
  auto first = plan_destructive("start.dsl", db.url(), dir.path.string());
  REQUIRE(first.up.find("CREATE SEQUENCE public.order_numbers AS int INCREMENT BY 10 START WITH 1000;") !=
          std::string::npos);
  RunResult created = psql_file(db.url(), first.up);
  REQUIRE_MESSAGE(created.exit_code == 0, describe(created));
  db.exec("insert into orders default values; insert into orders default values; insert into orders default values;");
  REQUIRE(rows(db) == "1000:1,1010:2,1020:3");
  const std::string before = catalog_fingerprint(db);

  // Dropping `retired` loses its current value: refused without the flag, and named.
  RunResult refused = run_schemac({"plan", "changed.dsl", "--db", db.url()}, dir.path.string());
  CHECK(refused.exit_code == 1);
  CHECK_MESSAGE(refused.err.find("drop sequence public.retired") != std::string::npos, describe(refused));

  auto change = plan_destructive("changed.dsl", db.url(), dir.path.string());
  CHECK(change.up.find("ALTER SEQUENCE public.order_numbers RENAME TO order_no;") != std::string::npos);
  CHECK(change.up.find("SET DEFAULT") == std::string::npos);  // the default follows the rename by itself
  RunResult up = psql_file(db.url(), change.up);
  REQUIRE_MESSAGE(up.exit_code == 0, describe(up) << "\n" << change.up);
  const std::string changed = catalog_fingerprint(db);
  for (const char* expected : {"sequence order_no integer start 1000 increment 5 min 1 max 100000 cache 1 cycle",
                               "sequence billing.credit_no bigint start 500", "sequence billing.invoice_no integer"})
    CHECK_MESSAGE(changed.find(expected) != std::string::npos, expected << "\n" << changed);
  CHECK(changed.find("retired") == std::string::npos);
  CHECK(rows(db) == "1000:1,1010:2,1020:3");
  // The new column's volatile default gave each existing row its own number, from the new sequence's start.
  CHECK(db.query_value("select string_agg(credit::text, ',' order by id) from orders") == "500,501,502");
  // The current value stayed: the next number follows 1020 by the new increment.
  db.exec("insert into orders (inv) values (100)");
  CHECK(db.query_value("select id || ':' || credit from orders where inv = 100") == "1025:503");
  db.exec("delete from orders where inv = 100");
  RunResult again = run_schemac({"plan", "changed.dsl", "--db", db.url(), "--exit-code"}, dir.path.string());
  CHECK_MESSAGE(again.exit_code == 0, describe(again));

  RunResult down = psql_file(db.url(), change.down);
  REQUIRE_MESSAGE(down.exit_code == 0, describe(down) << "\n" << change.down);
  CHECK(catalog_fingerprint(db) == before);
  CHECK(rows(db) == "1000:1,1010:2,1020:3");
  RunResult back = run_schemac({"plan", "start.dsl", "--db", db.url(), "--exit-code"}, dir.path.string());
  CHECK_MESSAGE(back.exit_code == 0, describe(back));

  // A bound PostgreSQL refuses fails the UP, and its transaction takes the added column back with it.
  auto bad = plan_destructive("refused.dsl", db.url(), dir.path.string());
  RunResult failed = psql_file(db.url(), bad.up);
  CHECK(failed.exit_code != 0);
  CHECK_MESSAGE(failed.err.find("MAXVALUE") != std::string::npos, describe(failed));
  CHECK(catalog_fingerprint(db) == before);
  CHECK(rows(db) == "1000:1,1010:2,1020:3");
}

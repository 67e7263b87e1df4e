// Enum renames and columns moved from one enum to another, on tables that hold rows, applied with psql as a person
// would (check_up_down): an enum renamed with @renamed_from while a column of a non-public schema and an array
// column use it; a column moved to an enum that has every label its rows use (UP casts through text); one moved to
// an enum that lacks a label a row uses (UP fails and changes nothing); a rename and new values in one plan.
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
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::TestDb;
using schemac::test::UpDown;

namespace {

// Applies `file`'s plan against `db` with psql and fails the test when it does not apply.
void apply(TestDb& db, const TempDir& dir, const std::string& file) {
  const auto scripts = schemac::test::plan_scripts(file, db.url(), dir.path.string());
  RunResult up = psql_file(db.url(), scripts.up);
  REQUIRE_MESSAGE(up.exit_code == 0, describe(up) << "\n" << scripts.up);
}

// Every row of `table` as "id:scalar:array", ordered by id.
std::string rows(TestDb& db, const std::string& table, const std::string& scalar, const std::string& array) {
  return db.query_value("select string_agg(id || ':' || coalesce(" + scalar + "::text, '-') || ':' || coalesce(" +
                        array + "::text, '-'), ' ' order by id) from " + table);
}

// The types of two columns of `table`, as format_type prints them.
std::string column_types(TestDb& db, const std::string& table, const std::string& a, const std::string& b) {
  return db.query_value("select string_agg(format_type(atttypid, atttypmod), ',' order by attnum) from pg_attribute "
                        "where attrelid = '" + table + "'::regclass and attname in ('" + a + "', '" + b + "')");
}

// The enum types of schema `ns`, by name.
std::string enum_types(TestDb& db, const std::string& ns) {
  return db.query_value("select coalesce(string_agg(typname, ',' order by typname), '-') from pg_type where "
                        "typnamespace = '" + ns + "'::regnamespace and typtype = 'e'");
}

const char* kTradingRows = "insert into trading.orders values (1, 'new', '{new,open}'), (2, 'closed', null), "
                           "(3, 'open', '{closed,null,new}'), (4, 'new', '{}')";
const char* kTradingValues = "1:new:{new,open} 2:closed:- 3:open:{closed,NULL,new} 4:new:{}";

}  // namespace

TEST_CASE("enum move: an enum renamed while a column of a non-public schema and an array column use it, with rows") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("start.dsl", "schema trading {\n  enum status { new, open, closed }\n\n  table orders {\n"
                         "    id   int primary key\n    st   status\n    hist status[]?\n  }\n}\n");
  dir.write("renamed.dsl", "schema trading {\n  @renamed_from(status)\n  enum order_status { new, open, closed }\n\n"
                           "  table orders {\n    id   int primary key\n    st   order_status\n"
                           "    hist order_status[]?\n  }\n}\n");
  apply(db, dir, "start.dsl");
  db.exec(kTradingRows);
  REQUIRE(rows(db, "trading.orders", "st", "hist") == kTradingValues);
  REQUIRE(column_types(db, "trading.orders", "st", "hist") == "trading.status,trading.status[]");

  check_up_down(db, dir, "renamed.dsl", [&](const UpDown& u) {
    // A rename, not a new type and a move of the columns.
    CHECK_MESSAGE(u.scripts.up.find("ALTER TYPE trading.status RENAME TO order_status") != std::string::npos,
                  u.scripts.up);
    CHECK_MESSAGE(u.scripts.up.find("ALTER COLUMN") == std::string::npos, u.scripts.up);
    CHECK(enum_types(db, "trading") == "order_status");
    CHECK(column_types(db, "trading.orders", "st", "hist") == "trading.order_status,trading.order_status[]");
    CHECK(rows(db, "trading.orders", "st", "hist") == kTradingValues);
    // The columns take the renamed type's values and refuse others.
    db.exec("insert into trading.orders values (5, 'open'::trading.order_status, '{open}')");
    CHECK_THROWS(db.exec("insert into trading.orders values (6, 'gone', null)"));
    db.exec("delete from trading.orders where id = 5");
  });
  CHECK(enum_types(db, "trading") == "status");
  CHECK(column_types(db, "trading.orders", "st", "hist") == "trading.status,trading.status[]");
  CHECK(rows(db, "trading.orders", "st", "hist") == kTradingValues);
}

namespace {

// Table t in schema desk with a column and an array column of enum `type`; enums side_a { buy, sell } and
// side_b { hold, sell, buy } (the same labels and one more, in another order) and side_c { buy } (no `sell`).
std::string desk(const std::string& type) {
  return "schema desk {\n  enum side_a { buy, sell }\n  enum side_b { hold, sell, buy }\n  enum side_c { buy }\n\n"
         "  table t {\n    id int primary key\n    s  " + type + "\n    h  " + type + "[]?\n  }\n}\n";
}

const char* kDeskRows = "insert into desk.t values (1, 'buy', '{sell,buy}'), (2, 'sell', null), (3, 'buy', '{null}')";
const char* kDeskValues = "1:buy:{sell,buy} 2:sell:- 3:buy:{NULL}";

}  // namespace

TEST_CASE("enum move: a column moved to an enum with every label its rows use casts through text, both ways") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("a.dsl", desk("side_a"));
  dir.write("b.dsl", desk("side_b"));
  apply(db, dir, "a.dsl");
  db.exec(kDeskRows);
  REQUIRE(rows(db, "desk.t", "s", "h") == kDeskValues);
  check_up_down(db, dir, "b.dsl", [&](const UpDown& u) {
    CHECK_MESSAGE(u.scripts.up.find("::text::desk.side_b") != std::string::npos, u.scripts.up);
    CHECK_MESSAGE(u.scripts.down.find("::text::desk.side_a") != std::string::npos, u.scripts.down);
    CHECK(column_types(db, "desk.t", "s", "h") == "desk.side_b,desk.side_b[]");
    CHECK(rows(db, "desk.t", "s", "h") == kDeskValues);
    // The values are side_b's now: they sort by its order (hold, sell, buy), not side_a's.
    CHECK(db.query_value("select string_agg(id::text, ',' order by s, id) from desk.t") == "2,1,3");
  });
  CHECK(column_types(db, "desk.t", "s", "h") == "desk.side_a,desk.side_a[]");
  CHECK(rows(db, "desk.t", "s", "h") == kDeskValues);
  CHECK(enum_types(db, "desk") == "side_a,side_b,side_c");
}

TEST_CASE("enum move: to an enum that lacks a label a row uses, UP fails and the database stays as it was") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("a.dsl", desk("side_a"));
  dir.write("c.dsl", desk("side_c"));
  apply(db, dir, "a.dsl");
  db.exec(kDeskRows);
  const std::string before = catalog_fingerprint(db);
  const auto scripts = schemac::test::plan_scripts("c.dsl", db.url(), dir.path.string());
  RunResult up = psql_file(db.url(), scripts.up);
  CHECK_MESSAGE(up.exit_code != 0, describe(up) << "\n" << scripts.up);
  CHECK_MESSAGE(up.err.find("side_c") != std::string::npos, describe(up));
  CHECK(catalog_fingerprint(db) == before);
  CHECK(column_types(db, "desk.t", "s", "h") == "desk.side_a,desk.side_a[]");
  CHECK(rows(db, "desk.t", "s", "h") == kDeskValues);

  // Only the array holds `sell`: still refused, still nothing changed.
  db.exec("update desk.t set s = 'buy'");
  const std::string array_only = "1:buy:{sell,buy} 2:buy:- 3:buy:{NULL}";
  RunResult again = psql_file(db.url(), scripts.up);
  CHECK_MESSAGE(again.exit_code != 0, describe(again));
  CHECK(catalog_fingerprint(db) == before);
  CHECK(rows(db, "desk.t", "s", "h") == array_only);

  // Without the label anywhere, the same UP applies.
  db.exec("update desk.t set h = '{buy}' where id = 1");
  RunResult fits = psql_file(db.url(), scripts.up);
  CHECK_MESSAGE(fits.exit_code == 0, describe(fits));
  CHECK(column_types(db, "desk.t", "s", "h") == "desk.side_c,desk.side_c[]");
  CHECK(rows(db, "desk.t", "s", "h") == "1:buy:{buy} 2:buy:- 3:buy:{NULL}");
}

TEST_CASE("enum move: an enum renamed and given values before, between and after the old ones in one plan") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("old.dsl", "schema ops {\n  enum level { debug, info, warn }\n\n  table log {\n    id int primary key\n"
                       "    lv level\n    seen level[]?\n  }\n}\n");
  dir.write("new.dsl", "schema ops {\n  @renamed_from(level)\n  enum severity { trace, debug, info, notice, warn, fatal }\n\n"
                       "  table log {\n    id int primary key\n    lv severity\n    seen severity[]?\n  }\n}\n");
  apply(db, dir, "old.dsl");
  db.exec("insert into ops.log values (1, 'warn', '{debug,info}'), (2, 'debug', null), (3, 'info', '{warn}')");
  const std::string values = "1:warn:{debug,info} 2:debug:- 3:info:{warn}";
  REQUIRE(rows(db, "ops.log", "lv", "seen") == values);
  check_up_down(db, dir, "new.dsl", [&](const UpDown& u) {
    CHECK_MESSAGE(u.scripts.up.find("ALTER TYPE ops.level RENAME TO severity") != std::string::npos, u.scripts.up);
    CHECK_MESSAGE(u.scripts.up.find("ADD VALUE 'trace' BEFORE 'debug'") != std::string::npos, u.scripts.up);
    CHECK_MESSAGE(u.scripts.up.find("ADD VALUE 'notice' AFTER 'info'") != std::string::npos, u.scripts.up);
    CHECK(enum_types(db, "ops") == "severity");
    CHECK(db.query_value("select enum_range(null::ops.severity)::text") == "{trace,debug,info,notice,warn,fatal}");
    CHECK(rows(db, "ops.log", "lv", "seen") == values);
    db.exec("insert into ops.log values (4, 'notice', '{trace,fatal}')");
    CHECK(db.query_value("select string_agg(id::text, ',' order by lv) from ops.log") == "2,3,4,1");
    db.exec("delete from ops.log where id = 4");  // DOWN cannot keep a value the old type lacks
  });
  CHECK(enum_types(db, "ops") == "level");
  CHECK(db.query_value("select enum_range(null::ops.level)::text") == "{debug,info,warn}");
  CHECK(column_types(db, "ops.log", "lv", "seen") == "ops.level,ops.level[]");
  CHECK(rows(db, "ops.log", "lv", "seen") == values);
}

// Column type changes on real servers with rows in the tables (the rule: compiler/model/types.hpp). For every kind of
// type change the planner supports: a value that fits survives exactly, UP then DOWN (the value is read back
// through the product's own conversion after UP, and compared as text after DOWN); a value that does not fit
// makes UP (or DOWN) fail with schemac's message and leaves the column's type and every row as they were. Both
// through the test applier (a runner's transactions) and with `psql -v ON_ERROR_STOP=1 -f` on the rendered
// file (no transaction around it). The sessions run in America/New_York so that a conversion that followed the
// session's TimeZone instead of UTC would show.
//
// For each value that does not fit, the test also runs the plan's ALTER alone and records what PostgreSQL
// does without the guard: `bare_loses` says it cuts or rounds the value silently (so the guard is what keeps
// it), otherwise it raises by itself.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "apply_util.hpp"
#include "plan/diff.hpp"
#include "live_util.hpp"
#include "dsl/load.hpp"
#include "model/quote.hpp"
#include "testdb.hpp"
#include "model/text.hpp"
#include "model/types.hpp"

using namespace schemac;
using schemac::test::ApplyError;
using schemac::test::Server;
using schemac::test::TestDb;
namespace fs = std::filesystem;

namespace {

struct Case {
  const char* from;                // DSL types
  const char* to;
  std::vector<const char*> fits;   // SQL values of `from` that every step keeps
  const char* up_fail = nullptr;   // a value of `from` that `to` cannot keep
  bool bare_loses = false;         // the ALTER without its guard changes up_fail silently
  const char* down_fail = nullptr; // a value of `to` that `from` cannot keep
  const char* after_up = nullptr;  // the text of fits[0] after UP (in a UTC session), where it says more
};

// Enumerated from compiler/model/types.cpp: every family, both directions, the pinned conversions, arrays, enums.
std::vector<Case> cases() {
  return {
      // integers
      {"smallint", "int", {"-32768", "32767"}, nullptr, false, "40000"},
      {"int", "bigint", {"-2147483648", "2147483647"}, nullptr, false, "3000000000"},
      {"bigint", "int", {"42", "-2147483648"}, "3000000000", false},
      {"int", "smallint", {"-32768"}, "32768", false},
      // numeric precision and scale, both ways
      {"numeric(10,2)", "numeric(12,2)", {"12345678.91", "-0.01"}, nullptr, false, "1234567890.12"},
      {"numeric(12,2)", "numeric(10,2)", {"12345678.91"}, "1234567890.12", false},
      {"numeric(10,4)", "numeric(10,2)", {"1.2500", "-99.9900"}, "1.2345", true},
      {"numeric(10,2)", "numeric(10,4)", {"123456.78"}, "12345678.90", false, "1.2345"},
      {"numeric", "numeric(10,2)", {"1.25", "-3.10"}, "1.255", true},
      {"numeric(10,2)", "int", {"42.00", "-7.00"}, "42.50", true, "2000000000"},
      {"int", "numeric(5,0)", {"12345"}, "123456", false},
      {"real", "numeric", {"0.5"}, "1.0000001", true},
      // floats
      {"real", "double precision", {"0.5", "1.5e10"}, nullptr, false, "0.1"},
      {"double precision", "real", {"0.5", "0.25"}, "0.1", true},
      {"double precision", "int", {"3", "-4"}, "3.5", true},
      {"double precision", "bigint", {"3"}, "2.5", true},
      {"int", "real", {"16777216"}, "16777217", true},
      {"bigint", "double precision", {"9007199254740992"}, "9007199254740993", true},
      // text types
      {"varchar(64)", "varchar(32)", {"'abc'", "repeat('x', 32)"}, "repeat('y', 50)", false},
      {"varchar(64)", "varchar(32)", {"'abc  '"}, "'ab' || repeat(' ', 40)", true},  // blanks past 32
      {"varchar(32)", "varchar(64)", {"'abc'"}, nullptr, false, "repeat('z', 40)"},
      {"text", "varchar(5)", {"'abcde'"}, "'abcdef'", false},
      {"varchar(5)", "text", {"'abcde'"}, nullptr, false, "'abcdef'"},
      {"char(10)", "char(5)", {"'abc'"}, "'abcdefgh'", false},
      {"text", "char(5)", {"'abc'"}, "'ab '", true},
      {"char(5)", "varchar(5)", {"'abc'"}, nullptr, false, "'ab '"},
      {"varchar(10)", "char(10)", {"'abc'"}, "'abc '", true},
      // timestamps, dates, times, intervals and their precisions
      {"timestamp(6)", "timestamp(0)", {"'2024-01-01 10:00:00'"}, "'2024-01-01 10:00:00.5'", true},
      {"timestamp(0)", "timestamp(6)", {"'2024-01-01 10:00:00'"}, nullptr, false, "'2024-01-01 10:00:00.25'"},
      {"timestamptz", "timestamptz(3)", {"'2024-01-01 10:00:00.123+00'"}, "'2024-01-01 10:00:00.1234+00'", true},
      {"timestamp", "timestamptz", {"'2024-01-01 10:00:00'", "'infinity'"}, nullptr, false, nullptr,
       "2024-01-01 10:00:00+00"},
      {"timestamptz", "timestamp", {"'2024-01-01 10:00:00+02'"}, nullptr, false, nullptr, "2024-01-01 08:00:00"},
      {"timestamp", "timestamptz(0)", {"'2024-01-01 10:00:00'"}, "'2024-01-01 10:00:00.5'", true},
      {"date", "timestamptz", {"'2024-01-01'"}, nullptr, false, "'2024-01-01 10:00:00+00'",
       "2024-01-01 00:00:00+00"},
      {"timestamptz", "date", {"'2024-01-01 00:00:00+00'"}, "'2024-01-01 23:00:00-05'", true, nullptr,
       "2024-01-01"},
      {"timestamp", "date", {"'2024-01-01 00:00:00'"}, "'2024-01-01 10:00:00'", true},
      {"time", "time(0)", {"'10:00:00'"}, "'10:00:00.5'", true},
      {"timetz", "timetz(0)", {"'10:00:00+02'"}, "'10:00:00.5+02'", true},
      {"time", "timetz", {"'10:00:00'"}, nullptr, false, "'10:00:00+02'", "10:00:00+00"},
      {"timetz", "time", {"'10:00:00+00'"}, "'10:00:00+02'", true},
      {"interval", "interval(0)", {"'1 day 02:00:00'"}, "'1.5 seconds'", true},
      {"interval(0)", "interval", {"'1 day 02:00:00'"}, nullptr, false, "'1.5 seconds'"},
      // arrays
      {"int[]", "bigint[]", {"'{1,NULL,3}'"}, nullptr, false, "'{3000000000}'"},
      {"bigint[]", "int[]", {"'{1,2}'"}, "'{1,3000000000}'", false},
      {"varchar(10)[]", "varchar(3)[]", {"'{abc,NULL}'"}, "'{abcdef}'", false},
      {"numeric(10,4)[]", "numeric(10,2)[]", {"'{1.2500}'"}, "'{1.2345}'", true},
      {"text[]", "text", {"'{a,\"b c\"}'"}, nullptr, false, "'not an array'"},
      // enums: to another enum (through text), from and to text
      {"side", "side2", {"'buy'", "'sell'"}, "'hold'", false},
      {"text", "side2", {"'buy'"}, "'nope'", false},
      {"side", "text", {"'hold'"}, nullptr, false, "'nope'"},
      {"side", "varchar(3)", {"'buy'"}, "'sell'", false},
      {"side[]", "side2[]", {"'{buy,sell}'"}, "'{buy,hold}'", false},
      // other built-in types
      {"text", "int", {"'42'", "'-7'"}, "' 42'", true},
      {"int", "text", {"42"}, nullptr, false, "'abc'"},
      {"text", "uuid", {"'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"}, "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", true},
      {"json", "jsonb", {"'{\"a\": 1}'"}, nullptr, false},
      {"inet", "cidr", {"'10.0.0.0/8'"}, "'10.1.2.3/8'", true},
      {"int", "bool", {"1", "0"}, "2", true},
  };
}

const char* kEnums = "enum side { buy, sell, hold }\nenum side2 { buy, sell }\n";

std::string table_name(size_t i) { return fmt::format("c{}", i); }

std::string table_dsl(size_t i, const char* type) {
  return fmt::format("table {} {{\n  id int primary key\n  v  {}?\n}}\n", table_name(i), type);
}

Schema load_text(const std::string& text) {
  Loaded l = load_dsl_text("types.dsl", text);
  std::string diags;
  for (auto& d : l.diags) diags += "\n  " + d.message;
  REQUIRE_MESSAGE(l.ok(), text << diags);
  return std::move(l.schema);
}

Type column_type(const Schema& s) { return s.tables.at(0).columns.at(1).type; }

test::RunResult psql_file(const TestDb& db, const std::string& sql) { return test::psql_file(db.url(), sql); }

// UP or DOWN of `plan`, which must succeed: through the applier, or with psql on the rendered file.
void run_step(const TestDb& db, const Plan& plan, bool up, bool with_psql) {
  if (!with_psql) {
    up ? test::apply_up(db.url(), plan) : test::apply_down(db.url(), plan);
    return;
  }
  auto r = psql_file(db, up ? plan_up_sql(plan) : plan_down_sql(plan));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// The column's type and every row, as the catalog has them.
std::string snapshot(TestDb& db, const std::string& table) {
  std::string out = db.query_value(fmt::format(
      "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'public.{}'::regclass AND "
      "attname = 'v'",
      table));
  for (auto& r : db.query_rows(fmt::format("SELECT id, v::text FROM public.{} ORDER BY id", table)))
    out += "\n" + join(r, " | ");
  return out;
}

// The text of every row's value, read in type `from` (through the product's conversion when the column has
// another type now).
std::vector<std::string> values_as(TestDb& db, const std::string& table, const Type& now, const Type& from) {
  std::vector<std::string> out;
  std::string v = type_conversion_sql("v", now, from);
  for (auto& r : db.query_rows(fmt::format("SELECT ({})::text FROM public.{} ORDER BY id", v, table)))
    out.push_back(r.at(0));
  return out;
}

// `step` must fail with schemac's guard and leave the table as it was, through the applier and through psql.
void check_refused(TestDb& db, const std::string& table, const Plan& plan, bool up) {
  std::string before = snapshot(db, table);
  try {
    up ? test::apply_up(db.url(), plan) : test::apply_down(db.url(), plan);
    FAIL_CHECK("the applier ran a step that cannot keep every value");
    return;
  } catch (const ApplyError& e) {
    CHECK_MESSAGE(std::string(e.what()).find("schemac: column public." + table + ".v holds a value") !=
                      std::string::npos,
                  e.what());
  }
  CHECK(snapshot(db, table) == before);
  auto r = psql_file(db, up ? plan_up_sql(plan) : plan_down_sql(plan));
  CHECK(r.exit_code != 0);
  CHECK_MESSAGE(r.err.find("schemac: column public." + table + ".v holds a value") != std::string::npos, r.err);
  CHECK(r.err.find("HINT:") != std::string::npos);
  CHECK(snapshot(db, table) == before);
}

// What PostgreSQL's ALTER does with row 1000 without the guard, in a transaction rolled back afterwards:
// true when it changes the value without an error.
bool bare_alter_loses(TestDb& db, const std::string& table, const Plan& plan, const Type& from, const Type& to) {
  std::string alter;
  for (auto& s : plan.changes.at(0).up)
    if (s.find(" TYPE ") != std::string::npos) alter = s;
  REQUIRE(!alter.empty());
  std::string read = fmt::format("SELECT ({})::text FROM public.{} WHERE id = 1000", "v", table);
  std::string before = db.query_value(read);
  db.exec("BEGIN");
  bool raised = false;
  std::string after;
  try {
    db.exec(alter);
    after = db.query_value(
        fmt::format("SELECT ({})::text FROM public.{} WHERE id = 1000", type_conversion_sql("v", to, from), table));
  } catch (const std::exception&) {
    raised = true;
  }
  db.exec("ROLLBACK");
  return !raised && after != before;
}

void all_cases(Server server) {
  TestDb db(server);
  db.exec(fmt::format("ALTER DATABASE {} SET timezone = 'America/New_York'", quote_ident(db.database())));
  db.exec("SET timezone = 'UTC'");
  auto list = cases();
  std::string all_from = kEnums;
  for (size_t i = 0; i < list.size(); ++i) all_from += table_dsl(i, list[i].from);
  test::apply_up(db.url(), diff(Schema{}, load_text(all_from)));

  for (size_t i = 0; i < list.size(); ++i) {
    const Case& c = list[i];
    std::string table = table_name(i);
    std::string change = fmt::format("{}: {} -> {}", table, c.from, c.to);
    CAPTURE(change);
    Schema from = load_text(kEnums + table_dsl(i, c.from)), to = load_text(kEnums + table_dsl(i, c.to));
    Type ft = column_type(from), tt = column_type(to);
    Plan plan = diff(from, to);  // without --allow-destructive: no type change is refused
    REQUIRE_MESSAGE(plan.diagnostics.empty(), test::describe(plan));
    REQUIRE(plan.changes.size() == 1);
    CHECK_FALSE(plan.changes[0].destructive);

    for (size_t k = 0; k < c.fits.size(); ++k)
      db.exec(fmt::format("INSERT INTO public.{} VALUES ({}, {})", table, k + 1, c.fits[k]));
    db.exec(fmt::format("INSERT INTO public.{} VALUES (999, NULL)", table));
    std::vector<std::string> before = values_as(db, table, ft, ft);
    std::string catalog_before = snapshot(db, table);

    // Values that fit: UP and DOWN keep them, with the applier and with psql.
    for (bool with_psql : {false, true}) {
      CAPTURE(with_psql);
      run_step(db, plan, true, with_psql);
      CHECK(values_as(db, table, tt, ft) == before);
      if (c.after_up)
        CHECK(db.query_value(fmt::format("SELECT v::text FROM public.{} WHERE id = 1", table)) == c.after_up);
      if (c.down_fail && !with_psql) {
        db.exec(fmt::format("INSERT INTO public.{} VALUES (1000, {})", table, c.down_fail));
        check_refused(db, table, plan, false);
        db.exec(fmt::format("DELETE FROM public.{} WHERE id = 1000", table));
      }
      run_step(db, plan, false, with_psql);
      CHECK(values_as(db, table, ft, ft) == before);
      CHECK(snapshot(db, table) == catalog_before);
    }

    // A value that does not fit: UP fails and changes nothing.
    if (c.up_fail) {
      db.exec(fmt::format("INSERT INTO public.{} VALUES (1000, {})", table, c.up_fail));
      check_refused(db, table, plan, true);
      CHECK(bare_alter_loses(db, table, plan, ft, tt) == c.bare_loses);
      db.exec(fmt::format("DELETE FROM public.{} WHERE id = 1000", table));
    }
  }
}

}  // namespace

TEST_CASE("type change: every kind keeps fitting values and refuses the others, on pg15") { all_cases(Server::pg15); }

TEST_CASE("type change: every kind keeps fitting values and refuses the others, on tsdb (PostgreSQL 17)") {
  all_cases(Server::tsdb);
}

TEST_CASE("type change: the guard scans every chunk of a hypertable") {
  TestDb db(Server::tsdb);
  auto dsl = [](const char* type) {
    return fmt::format(
        "extension timescaledb\n\ntable h {{\n  ts timestamptz\n  id int\n  v  {}?\n\n  hypertable on ts {{\n    "
        "chunk_interval 1 day\n  }}\n}}\n",
        type);
  };
  Schema from = load_text(dsl("numeric(20,8)")), to = load_text(dsl("numeric(10,2)"));
  DiffOptions opt;
  opt.edition = Edition::apache;
  test::apply_up(db.url(), diff(Schema{}, from, opt));
  db.exec("INSERT INTO public.h SELECT TIMESTAMPTZ '2024-01-01' + i * INTERVAL '1 day', i, i FROM generate_series(1, 5) i");
  // The one value that does not fit lives in the last chunk.
  db.exec("INSERT INTO public.h VALUES (TIMESTAMPTZ '2024-01-09', 9, 1.005)");
  REQUIRE(std::stoi(db.query_value("SELECT count(*) FROM show_chunks('public.h')")) > 5);
  Plan plan = diff(from, to, opt);
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].note.find("UP first scans every chunk") != std::string::npos);
  check_refused(db, "h", plan, true);
  db.exec("DELETE FROM public.h WHERE v = 1.005");
  test::apply_up(db.url(), plan);
  CHECK(db.query_value("SELECT string_agg(v::text, ',' ORDER BY ts) FROM public.h") ==
        "1.00,2.00,3.00,4.00,5.00");
  test::apply_down(db.url(), plan);
  CHECK(db.query_value("SELECT string_agg(v::text, ',' ORDER BY ts) FROM public.h") ==
        "1.00000000,2.00000000,3.00000000,4.00000000,5.00000000");
}

TEST_CASE("type change: a recreated enum refuses, before renaming anything, while a row holds a removed label") {
  TestDb db(Server::pg15);
  Schema three = load_text("enum st { new, done, failed }\ntable o {\n  id int primary key\n  s st\n  h st[]?\n}\n");
  Schema two = load_text("enum st { new, done }\ntable o {\n  id int primary key\n  s st\n  h st[]?\n}\n");
  test::apply_up(db.url(), diff(Schema{}, three));
  db.exec("INSERT INTO public.o VALUES (1, 'new', '{done,NULL}'), (2, 'failed', NULL)");
  Plan plan = diff(three, two);
  REQUIRE_MESSAGE(plan.diagnostics.empty(), test::describe(plan));  // not destructive: nothing can be lost
  auto types = [&] { return db.query_value("SELECT string_agg(typname, ',' ORDER BY typname) FROM pg_type "
                                           "WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'"); };
  CHECK_THROWS_WITH_AS(test::apply_up(db.url(), plan),
                       doctest::Contains("schemac: column public.o.s holds a value that enum public.st no longer has"),
                       ApplyError);
  auto r = psql_file(db, plan_up_sql(plan));
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("enum public.st no longer has") != std::string::npos);
  CHECK(types() == "st");
  db.exec("UPDATE public.o SET s = 'done' WHERE id = 2");
  db.exec("UPDATE public.o SET h = '{failed}' WHERE id = 1");
  CHECK_THROWS_WITH_AS(test::apply_up(db.url(), plan),
                       doctest::Contains("schemac: column public.o.h holds a value that enum public.st no longer has"),
                       ApplyError);
  db.exec("UPDATE public.o SET h = '{done,NULL}' WHERE id = 1");
  test::apply_up(db.url(), plan);
  CHECK(db.query_value("SELECT string_agg(id || ':' || s || ':' || coalesce(h::text, '-'), ' ' ORDER BY id) FROM "
                       "public.o") == "1:new:{done,NULL} 2:done:-");
  CHECK(types() == "st");
}

TEST_CASE("type change: the cast table in types.cpp is what pg_cast says, on PostgreSQL 15 and 17") {
  std::vector<std::string> names;  // every built-in but the serial kinds, which are their integer types here
  for (const std::string& n : builtin_type_names())
    if (!is_serial(Type{{}, n, {}, 0})) names.push_back(n);
  std::vector<std::string> rows;
  for (const std::string& n : names)  // as a regtype, char is the one-byte "char": ask for character
    rows.push_back(fmt::format("({}, {})", quote_literal(n), quote_literal(n == "char" ? "character" : n)));
  std::string sql = fmt::format(
      "SELECT a.n, b.n, coalesce((SELECT castcontext::text FROM pg_cast WHERE castsource = a.t::regtype AND "
      "casttarget = b.t::regtype), '') FROM (VALUES {0}) a(n, t), (VALUES {0}) b(n, t) WHERE a.n <> b.n",
      join(rows));
  auto string_type = [](const std::string& n) { return n == "text" || n == "varchar" || n == "char"; };
  for (Server server : {Server::pg15, Server::tsdb}) {
    CAPTURE(test::server_name(server));
    TestDb db(server);
    auto pairs = db.query_rows(sql);
    CHECK(pairs.size() == names.size() * (names.size() - 1));
    for (auto& r : pairs) {
      CAPTURE(r[0] + " > " + r[1]);
      // Without a pg_cast entry, PostgreSQL still casts through I/O to a string type (assignment) and from one
      // (explicit).
      char want = !r[2].empty() ? r[2][0] : string_type(r[1]) ? 'a' : string_type(r[0]) ? 'e' : 0;
      CHECK(builtin_cast_context(r[0], r[1]) == want);
    }
  }
}

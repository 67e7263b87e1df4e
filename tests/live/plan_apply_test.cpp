// Plans applied to real servers: for every golden plan case (tests/golden/plan/<case>/before.dsl, after.dsl) and
// every example schema, UP applies cleanly and leaves the catalog equal to the declaration, DOWN applies cleanly
// and leaves the catalog as it was (catalogs compared with diff, never strings).
//
// Servers: cases without TimescaleDB run on pg15 and tsdb; cases with hypertables on tsdb (Apache edition) and
// tsl (Timescale license). On tsdb a declared retention or compression must be refused with a message saying why
// and what to do; the rest of such a case (the hypertable, its chunk interval) is then applied with the policies
// stripped from both sides. The pg_cron alternative for retention is applied in the database pg_cron lives in.
//
// On tsl the timescaledb extension already exists in the server's single database: it is added to every model
// on that server (empty, before, after), so that no plan creates or drops it there.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "apply_util.hpp"
#include "golden_cases.hpp"
#include "plan/diff.hpp"
#include "catalog/inspect.hpp"
#include "dsl/load.hpp"
#include "model/quote.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::ApplyError;
using schemac::test::Server;
using schemac::test::TestDb;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = SCHEMAC_SOURCE_DIR;

using test::ensure_extension;
using test::has_policies;
using test::strip_policies;
using test::uses_timescale;

std::vector<fs::path> golden_cases() { return test::golden_plan_cases(); }

std::vector<fs::path> example_schemas() {
  std::vector<fs::path> out{kSource / "schema.dsl"};
  std::vector<fs::path> examples;
  for (auto& e : fs::directory_iterator(kSource / "examples"))
    if (e.is_directory() && fs::exists(e.path() / "schema.dsl")) examples.push_back(e.path() / "schema.dsl");
  std::sort(examples.begin(), examples.end());
  out.insert(out.end(), examples.begin(), examples.end());
  return out;
}

Schema load(const fs::path& p) { return test::load_schema(p); }

Edition edition_of(Server s) {
  switch (s) {
    case Server::pg15: return Edition::unknown;
    case Server::tsdb: return Edition::apache;
    case Server::tsl: return Edition::timescale;
  }
  return Edition::unknown;
}

DiffOptions apply_options(Server s) {
  DiffOptions o;
  o.allow_destructive = true;
  o.edition = edition_of(s);
  return o;
}

// The catalog after a step must equal `expected` (a declaration): no change left to plan.
void check_catalog_equals(const std::string& url, Schema expected, const std::string& what) {
  Catalog c = test::inspect_url(url, &expected);
  DiffOptions o;
  o.allow_destructive = true;
  Plan rest = diff(c.schema, expected, o);
  CHECK_MESSAGE(rest.empty(), what << ": the catalog differs; the plan from it to the declaration is:\n"
                                   << test::describe(rest));
}

// empty -> before, inspect (A); before -> after UP, inspect == after; DOWN, inspect == A.
void apply_round_trip(Server server, const std::string& label, Schema before, Schema after) {
  std::string where = label + " on " + test::server_name(server);
  INFO(where);
  Schema empty;
  if (server == Server::tsl) {
    for (Schema* s : {&empty, &before, &after}) ensure_extension(*s, "timescaledb");
  }
  DiffOptions opt = apply_options(server);
  TestDb db(server);

  Plan setup = diff(empty, before, opt);
  try {
    test::apply_up(db.url(), setup);
  } catch (const std::exception& e) {
    FAIL_CHECK("building the `before` state failed: " << std::string(e.what()) << "\nplan:\n" << test::describe(setup));
    return;
  }
  check_catalog_equals(db.url(), before, "after building `before`");
  Catalog a = test::inspect_url(db.url());

  Plan plan = diff(before, after, opt);
  try {
    test::apply_up(db.url(), plan);
  } catch (const std::exception& e) {
    FAIL_CHECK("UP failed: " << std::string(e.what()) << "\nplan:\n" << test::describe(plan));
    return;
  }
  check_catalog_equals(db.url(), after, "after UP");

  try {
    test::apply_down(db.url(), plan);
  } catch (const std::exception& e) {
    FAIL_CHECK("DOWN failed: " << std::string(e.what()) << "\nDOWN script:\n" << plan_down_sql(plan));
    return;
  }
  Catalog back = test::inspect_url(db.url());
  DiffOptions o;
  o.allow_destructive = true;
  Plan rest = diff(a.schema, back.schema, o);
  CHECK_MESSAGE(rest.empty(), "after DOWN the catalog is not what it was before UP; from before UP to now:\n"
                                  << test::describe(rest) << "\nDOWN script:\n" << plan_down_sql(plan));

  // Back up again: DOWN must leave the database in a state UP applies to cleanly (migrate down, then up).
  try {
    test::apply_up(db.url(), plan);
  } catch (const std::exception& e) {
    FAIL_CHECK("UP after DOWN failed: " << std::string(e.what()));
    return;
  }
  check_catalog_equals(db.url(), after, "after UP, DOWN, UP");
}

const std::string kLicenseRefusal = "needs TimescaleDB's Timescale license, but the server runs the Apache edition";

// The Apache-edition refusal: an error naming the feature and the table, and a hint saying what to do.
void check_apache_refusal(const Plan& plan, const std::string& label) {
  INFO(label);
  bool found = false;
  for (auto& d : plan.diagnostics) {
    if (d.severity != Diagnostic::Severity::error || d.message.find(kLicenseRefusal) == std::string::npos) continue;
    found = true;
    bool retention = d.message.starts_with("a retention policy on ");
    bool compression = d.message.starts_with("compression on ") || d.message.starts_with("a compression policy on ");
    CHECK_MESSAGE((retention || compression), d.message);
    if (retention)
      CHECK(d.hint ==
            "remove `retention` from the hypertable block, install TimescaleDB with the Timescale license, or re-run "
            "with --retention-via-cron to drop old chunks from a pg_cron job");
    else
      CHECK(d.hint == "remove `compression` from the hypertable block or install TimescaleDB with the Timescale "
                      "license");
  }
  CHECK_MESSAGE(found, "no license refusal in:\n" << test::describe(plan));
  CHECK_THROWS_AS(test::apply_up("host=invalid.invalid", plan), ApplyError);  // refused before connecting
}

void golden_case(Server server, const fs::path& dir) {
  std::string name = dir.filename().string();
  Schema before = load(dir / "before.dsl");
  Schema after = load(dir / "after.dsl");
  bool timescale = uses_timescale(before) || uses_timescale(after);
  if (server == Server::pg15 && timescale) return;
  if (server == Server::tsl && !timescale) return;
  if (server == Server::tsdb && (has_policies(before) || has_policies(after))) {
    DiffOptions o = apply_options(server);
    if (has_policies(before)) check_apache_refusal(diff(Schema{}, before, o), name + ": building before");
    check_apache_refusal(diff(before, after, o), name + ": before -> after");
    strip_policies(before);
    strip_policies(after);
    name += " (policies stripped: the Apache edition refuses them)";
  }
  apply_round_trip(server, "golden case " + name, std::move(before), std::move(after));
}

void all_golden_cases(Server server) {
  auto cases = golden_cases();
  REQUIRE(cases.size() >= 15);
  for (auto& dir : cases) {
    try {
      golden_case(server, dir);
    } catch (const std::exception& e) {
      FAIL_CHECK(dir.filename().string() << ": " << std::string(e.what()));
    }
  }
}

// Whether the server can install every extension `s` declares (pgvector is packaged for tsdb only).
bool extensions_available(Server server, const Schema& s, std::string& missing) {
  if (s.extensions.empty()) return true;
  Connection conn = test::quiet_connect(test::server_url(server));
  for (auto& e : s.extensions) {
    std::string sql = "SELECT 1 FROM pg_available_extensions WHERE name = " + quote_literal(e.name);
    PGresult* r = PQexec(conn.get(), sql.c_str());
    bool there = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    PQclear(r);
    if (!there) missing += (missing.empty() ? "" : ", ") + e.name;
  }
  return missing.empty();
}

void example_schema(Server server, const fs::path& file) {
  std::string label = "example " + fs::relative(file, kSource).string();
  Schema s = load(file);
  bool timescale = uses_timescale(s);
  if (server == Server::pg15 && timescale) return;
  if (server == Server::tsl && !timescale) return;
  if (std::string missing; !extensions_available(server, s, missing)) {
    MESSAGE(label << " not applied on " << test::server_name(server) << ": the server does not have " << missing);
    return;
  }
  if (server == Server::tsdb && has_policies(s)) {
    check_apache_refusal(diff(Schema{}, s, apply_options(server)), label);
    strip_policies(s);
    label += " (policies stripped: the Apache edition refuses them)";
  }
  apply_round_trip(server, label, Schema{}, std::move(s));
}

void all_examples(Server server) {
  for (auto& file : example_schemas()) {
    try {
      example_schema(server, file);
    } catch (const std::exception& e) {
      FAIL_CHECK(file.string() << ": " << std::string(e.what()));
    }
  }
}

}  // namespace

TEST_CASE("plan apply: every golden case UP and DOWN on pg15") { all_golden_cases(Server::pg15); }
TEST_CASE("plan apply: every golden case UP and DOWN on tsdb (Apache)") { all_golden_cases(Server::tsdb); }
TEST_CASE("plan apply: golden hypertable cases UP and DOWN on tsl (Timescale license)") {
  all_golden_cases(Server::tsl);
}

TEST_CASE("plan apply: example schemas from empty and back on pg15") { all_examples(Server::pg15); }
TEST_CASE("plan apply: example schemas from empty and back on tsdb (Apache)") { all_examples(Server::tsdb); }
TEST_CASE("plan apply: example schemas with hypertables from empty and back on tsl") {
  all_examples(Server::tsl);
}

TEST_CASE("plan apply: a destructive plan is refused without --allow-destructive and nothing is applied") {
  Loaded before = load_dsl_text("before.dsl", "table t {\n  id  int primary key\n  old text?\n}\n");
  Loaded after = load_dsl_text("after.dsl", "table t {\n  id int primary key\n}\n");
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  TestDb db(Server::pg15);
  test::apply_up(db.url(), diff(Schema{}, before.schema, apply_options(Server::pg15)));
  db.exec("INSERT INTO public.t VALUES (1, 'keep me')");

  Plan refused = diff(before.schema, after.schema);
  REQUIRE(has_errors(refused.diagnostics));
  CHECK(refused.diagnostics.back().message ==
        "the plan has 1 destructive change that can lose data:\n  - drop column public.t.old");
  CHECK(refused.diagnostics.back().hint == "review them, then re-run with --allow-destructive");
  CHECK_THROWS_AS(test::apply_up(db.url(), refused), ApplyError);
  check_catalog_equals(db.url(), before.schema, "after the refused plan");
  CHECK(db.query_value("SELECT old FROM public.t") == "keep me");

  // The CLI says the same and exits 1.
  fs::path dir = fs::temp_directory_path() / fmt::format("schemac_destructive_{}", ::getpid());
  fs::create_directories(dir);
  std::ofstream(dir / "schema.dsl") << "table t {\n  id int primary key\n}\n";
  auto r = test::run_schemac({"plan", "schema.dsl", "--db", db.url()}, dir.string());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("destructive change that can lose data") != std::string::npos);
  CHECK(r.err.find("--allow-destructive") != std::string::npos);
  auto ok = test::run_schemac({"plan", "schema.dsl", "--db", db.url(), "--allow-destructive"}, dir.string());
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("ALTER TABLE public.t DROP COLUMN old;") != std::string::npos);
  fs::remove_all(dir);
  check_catalog_equals(db.url(), before.schema, "after plan --db, which never applies anything");

  // With the flag the same plan applies and loses the column.
  test::apply_up(db.url(), diff(before.schema, after.schema, apply_options(Server::pg15)));
  check_catalog_equals(db.url(), after.schema, "after the allowed plan");
}

TEST_CASE("plan apply: rows survive hypertable conversion and its DOWN rebuild") {
  for (Server server : {Server::tsdb, Server::tsl}) {
    std::string where = test::server_name(server);
    INFO(where);
    fs::path dir = kSource / "tests" / "golden" / "plan" / "hypertable_convert_existing";
    Schema before = load(dir / "before.dsl");
    Schema after = load(dir / "after.dsl");
    Schema empty;
    if (server == Server::tsl)
      for (Schema* s : {&empty, &before, &after}) ensure_extension(*s, "timescaledb");
    TestDb db(server);
    DiffOptions opt = apply_options(server);
    test::apply_up(db.url(), diff(empty, before, opt));
    db.exec("INSERT INTO public.ticks SELECT now() - i * INTERVAL '20 minutes', i % 3, i FROM "
            "generate_series(1, 50) i");
    Plan plan = diff(before, after, opt);
    test::apply_up(db.url(), plan);
    CHECK(db.query_value("SELECT count(*) FROM public.ticks") == "50");
    CHECK(std::stoi(db.query_value("SELECT count(*) FROM show_chunks('public.ticks')")) > 1);
    test::apply_down(db.url(), plan);
    CHECK(db.query_value("SELECT count(*) FROM public.ticks") == "50");
    CHECK(db.query_value("SELECT count(*) FROM timescaledb_information.hypertables") == "0");
    check_catalog_equals(db.url(), before, "after DOWN");
  }
}

// pg_cron can only be installed in (and cron.schedule only run from) the database named by cron.database_name:
// scripts/db.sh sets it to `postgres` on tsdb and creates the extension there. So this test works in that
// database, inside a schema of its own, and removes the schema and the job whatever happens.
TEST_CASE("plan apply: on the Apache edition, retention via pg_cron schedules drop_chunks") {
  std::string url = test::server_url(Server::tsdb);
  std::string ns = fmt::format("schemac_cron_{}", ::getpid());
  std::string job = "schemac_retention_" + ns + "_ticks";
  auto cleanup = [&] {
    Connection c = test::quiet_connect(url);
    PQclear(PQexec(c.get(), ("DROP SCHEMA IF EXISTS " + quote_ident(ns) + " CASCADE").c_str()));
    PQclear(PQexec(c.get(), ("SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = " + quote_literal(job))
                                .c_str()));
  };
  cleanup();
  std::string text = fmt::format(
      "extension timescaledb\nextension pg_cron\n\nschema {} {{\n  table ticks {{\n    ts timestamptz\n    v  int\n\n"
      "    hypertable on ts {{\n      chunk_interval 1 hour\n      retention      2 hours\n    }}\n  }}\n}}\n",
      ns);
  Loaded l = load_dsl_text("cron.dsl", text);
  REQUIRE(l.ok());
  Schema base;  // the extensions already exist in this database: a plan must neither create nor drop them
  for (const char* e : {"timescaledb", "pg_cron"}) ensure_extension(base, e);

  DiffOptions refuse = apply_options(Server::tsdb);
  check_apache_refusal(diff(base, l.schema, refuse), "retention on Apache without the pg_cron alternative");

  DiffOptions opt = refuse;
  opt.apache_retention_via_cron = true;
  Plan plan = diff(base, l.schema, opt);
  CHECK_FALSE(has_errors(plan.diagnostics));
  CHECK(plan.diagnostics.empty());  // pg_cron is declared: no warning
  auto cron_change = std::find_if(plan.changes.begin(), plan.changes.end(),
                                  [](auto& c) { return c.kind == Change::Kind::add_retention; });
  REQUIRE(cron_change != plan.changes.end());
  CHECK(cron_change->up ==
        std::vector<std::string>{fmt::format("SELECT cron.schedule('{}', '0 * * * *', 'SELECT drop_chunks(''{}.ticks'', "
                                             "older_than => INTERVAL ''2 hours'')');",
                                             job, ns)});
  try {
    test::apply_up(url, plan);
    Connection c = test::quiet_connect(url);
    auto value = [&](const std::string& sql) {
      PGresult* r = PQexec(c.get(), sql.c_str());
      std::string v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : "<error>";
      if (v == "<error>") v += PQresultErrorMessage(r);
      PQclear(r);
      return v;
    };
    std::string command = value("SELECT command FROM cron.job WHERE jobname = " + quote_literal(job));
    CHECK(command == fmt::format("SELECT drop_chunks('{}.ticks', older_than => INTERVAL '2 hours')", ns));
    CHECK(value("SELECT schedule FROM cron.job WHERE jobname = " + quote_literal(job)) == "0 * * * *");
    // The scheduled command works: old chunks go, recent ones stay.
    test::exec_one(c.get(), fmt::format("INSERT INTO {}.ticks SELECT now() - i * INTERVAL '1 hour', i FROM "
                                        "generate_series(0, 9) i",
                                        quote_ident(ns)));
    test::exec_one(c.get(), command);
    // Rows 0, 1 and 2 hours old stay (a chunk goes only when all of it is older than 2 hours), 7 go.
    std::string kept = value(fmt::format("SELECT count(*) FROM {}.ticks", quote_ident(ns)));
    CHECK_MESSAGE((kept == "3" || kept == "2"), kept);  // 2 when the hour turned between INSERT and drop_chunks
    CHECK(value(fmt::format("SELECT count(*) FROM {}.ticks WHERE ts < now() - INTERVAL '3 hours'", quote_ident(ns))) ==
          "0");
    c.reset();

    // inspect reads the pg_cron job back as the hypertable's retention: planning again changes nothing.
    Schema expected = l.schema;
    InspectOptions only;
    only.schemas = {ns};
    Catalog cat = test::inspect_url(url, &expected, only);
    CHECK(cat.edition == Edition::apache);
    const Table* t = cat.schema.table(ns, "ticks");
    REQUIRE(t);
    REQUIRE(t->hypertable);
    REQUIRE(t->hypertable->retention);
    CHECK(*t->hypertable->retention == *l.schema.tables[0].hypertable->retention);
    Plan again = diff(cat.schema, expected, opt);
    CHECK_MESSAGE(again.changes.empty(), "planned again:\n" << test::describe(again));
    CHECK_FALSE(has_errors(again.diagnostics));

    test::apply_down(url, plan);
    Connection c2 = test::quiet_connect(url);
    PGresult* r = PQexec(c2.get(), ("SELECT count(*) FROM cron.job WHERE jobname = " + quote_literal(job)).c_str());
    CHECK(std::string(PQgetvalue(r, 0, 0)) == "0");
    PQclear(r);
    r = PQexec(c2.get(), ("SELECT count(*) FROM pg_namespace WHERE nspname = " + quote_literal(ns)).c_str());
    CHECK(std::string(PQgetvalue(r, 0, 0)) == "0");
    PQclear(r);
  } catch (const std::exception& e) {
    FAIL_CHECK(std::string(e.what()) << "\nplan:\n" << test::describe(plan));
  }
  cleanup();
}

// The index create_hypertable() would make on (time DESC) is left out of the catalog (it belongs to the
// hypertable), but schemac creates hypertables without it: when a declaration asks for it later, `plan --db` must
// still create it. inspect reports the index like any other; diff skips an undeclared one (is_timescale_default_index), and pull prints it.
TEST_CASE("plan apply: a declared (time DESC) index added to an existing hypertable is created") {
  Loaded before = load_dsl_text("before.dsl",
                                "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n  v  int\n\n"
                                "  hypertable on ts {\n    chunk_interval 1 hour\n  }\n}\n");
  Loaded after = load_dsl_text("after.dsl",
                               "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n  v  int\n\n"
                               "  index (ts desc)\n\n  hypertable on ts {\n    chunk_interval 1 hour\n  }\n}\n");
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  REQUIRE(after.schema.tables[0].indexes.size() == 1);
  CHECK(after.schema.tables[0].indexes[0].name == "ticks_ts_idx");
  TestDb db(Server::tsdb);
  test::apply_up(db.url(), diff(Schema{}, before.schema, apply_options(Server::tsdb)));
  CHECK(db.query_value("SELECT count(*) FROM pg_indexes WHERE indexname = 'ticks_ts_idx'") == "0");
  Schema declared = after.schema;
  Catalog live = test::inspect_url(db.url(), &declared);
  Plan plan = diff(live.schema, declared, apply_options(Server::tsdb));
  CHECK_MESSAGE(plan.changes.size() == 1, "the plan --db would make:\n" << test::describe(plan));
  test::apply_up(db.url(), plan);
  CHECK(db.query_value("SELECT count(*) FROM pg_indexes WHERE indexname = 'ticks_ts_idx'") == "1");
  // Made: nothing more to plan. Undeclared again: the index of that shape on a hypertable is never dropped.
  Schema again = after.schema;
  Catalog now = test::inspect_url(db.url(), &again);
  CHECK(diff(now.schema, again, apply_options(Server::tsdb)).changes.empty());
  Schema without = before.schema;
  now = test::inspect_url(db.url(), &without);
  Plan keep = diff(now.schema, without, apply_options(Server::tsdb));
  CHECK_MESSAGE(keep.changes.empty(), "the plan --db would make:\n" << test::describe(keep));
}

// The live catalog round trip (properties 1-4), and `schemac plan --db` / `schemac pull` through the real
// binary (SCHEMAC_BINARY).
//
//   1. For every example schema S: plan S against an empty database, apply UP: then `plan S --db` is empty.
//   2. Then apply DOWN: the catalog equals the empty one again.
//   3. `pull` of that database, formatted, plans as empty against it, and equals fmt(S) up to what the
//      language defines as insignificant (order of tables, enums, constraints and indexes; ordinary comments;
//      queries, which live only in the declaration) and up to the server's spelling of expressions (S's
//      expressions are normalised by the server first).
//   4. Starting from a database built by hand-written SQL (with hypertables and policies on the
//      Timescale-license server), pull then plan is empty.
//
// Servers: examples without TimescaleDB run on pg15; hyperliquid_bot (pgvector) on tsdb; the examples with
// retention/compression policies on tsl (one connection at a time: never two open at once here).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "catalog/readable.hpp"
#include "live_util.hpp"
#include "dsl/load.hpp"
#include "dsl/print.hpp"
#include "sql/names.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::RunResult;
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::describe;
using schemac::test::TestDb;

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult schemac_cli(const std::vector<std::string>& args, const TempDir& dir) {
  return test::run_schemac(args, dir.path.string());
}

const char* kNoChanges = "-- schemac plan: no changes";

Schema load_ok(const std::string& name, const std::string& text) {
  Loaded l = load_dsl_text(name, text);
  std::ostringstream d;
  print_diagnostics(l, d);
  REQUIRE_MESSAGE(l.ok(), d.str());
  return std::move(l.schema);
}

// Properties 1-3 for one example on one server.
void roundtrip_example(const std::string& example, Server server) {
  fs::path file = fs::path(SCHEMAC_SOURCE_DIR) / "examples" / example / "schema.dsl";
  std::string text = read_text(file);
  Schema declared = load_ok(file.string(), text);
  TestDb db(server);
  TempDir dir;
  std::string empty_catalog;
  Plan plan;
  {
    Connection conn = connect(db.url());
    empty_catalog = test::canonical_dsl(inspect(conn.get()).schema);
    Schema target = declared;
    plan = test::plan_live(conn.get(), target, false);
    REQUIRE_FALSE(has_errors(plan.diagnostics));
    REQUIRE_FALSE(plan.empty());
    test::apply_plan(conn.get(), plan, true);
  }

  // 1. `plan S --db` through the binary is empty, and exits 0 with --exit-code.
  RunResult again = schemac_cli({"plan", file.string(), "--db", db.url(), "--exit-code"}, dir);
  CHECK_MESSAGE(again.exit_code == 0, describe(again));
  CHECK_MESSAGE(again.out.rfind(kNoChanges, 0) == 0, describe(again));
  CHECK_MESSAGE(again.err.empty(), describe(again));

  // 3. pull: canonical fmt output, plans as empty against the database, equals fmt(S) up to order.
  RunResult pulled = schemac_cli({"pull", "--db", db.url()}, dir);
  REQUIRE_MESSAGE(pulled.exit_code == 0, describe(pulled));
  std::string pulled_file = dir.write("pulled.dsl", pulled.out);
  RunResult fmt_check = schemac_cli({"fmt", pulled_file, "--check"}, dir);
  CHECK_MESSAGE(fmt_check.exit_code == 0, describe(fmt_check));
  RunResult replan = schemac_cli({"plan", pulled_file, "--db", db.url(), "--exit-code"}, dir);
  CHECK_MESSAGE(replan.exit_code == 0, describe(replan));
  CHECK_MESSAGE(replan.out.rfind(kNoChanges, 0) == 0, describe(replan));
  {
    Schema from_pull = load_ok("pulled.dsl", pulled.out);
    Schema want = declared;
    Connection conn = connect(db.url());
    Catalog live = inspect(conn.get());
    normalise_expressions(conn.get(), want, &live.schema);
    // pull prints the server's `= ANY (ARRAY[...])` of a check as the IN it was declared as.
    readable_checks(want);
    // The server database may hold objects that are not the example's (tsl: the timescaledb extension).
    CHECK(test::canonical_dsl(from_pull) == test::canonical_dsl(want));
  }

  // 2. DOWN: the catalog is the empty one again.
  {
    Connection conn = connect(db.url());
    test::apply_plan(conn.get(), plan, false);
    CHECK(test::canonical_dsl(inspect(conn.get()).schema) == empty_catalog);
  }
}

}  // namespace

TEST_CASE("round trip: examples/perps_stats on PostgreSQL 15") { roundtrip_example("perps_stats", Server::pg15); }

TEST_CASE("round trip: examples/hyperliquid_bot (pgvector) on TimescaleDB 2.19") {
  roundtrip_example("hyperliquid_bot", Server::tsdb);
}

TEST_CASE("round trip: examples/cex_arbitrage (retention, compression) on the Timescale-license server") {
  roundtrip_example("cex_arbitrage", Server::tsl);
}

TEST_CASE("round trip: examples/trading_agent (hypertables, policies) on the Timescale-license server") {
  roundtrip_example("trading_agent", Server::tsl);
}

namespace {

// Property 4: a database made by hand-written SQL; pull, then plan the pulled text: no changes.
void pull_then_plan(Server server, const std::string& sql, const std::vector<std::string>& extra_args = {}) {
  TestDb db(server);
  db.exec(sql);
  TempDir dir;
  std::vector<std::string> args = {"pull", "--db", db.url()};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  RunResult pulled = schemac_cli(args, dir);
  REQUIRE_MESSAGE(pulled.exit_code == 0, describe(pulled));
  std::string file = dir.write("schema.dsl", pulled.out);
  RunResult check = schemac_cli({"check", file}, dir);
  CHECK_MESSAGE(check.exit_code == 0, describe(check) << "\n--- pulled ---\n" << pulled.out);
  RunResult plan = schemac_cli({"plan", file, "--db", db.url(), "--exit-code"}, dir);
  CHECK_MESSAGE(plan.exit_code == 0, describe(plan) << "\n--- pulled ---\n" << pulled.out);
  CHECK_MESSAGE(plan.out.rfind(kNoChanges, 0) == 0, describe(plan) << "\n--- pulled ---\n" << pulled.out);
}

const char* kHandWritten = R"sql(
create schema billing;
comment on schema billing is 'money';
create type order_status as enum ('new', 'PARTIALLY_FILLED', 'done', 'it''s');
create type billing."Plan Kind" as enum ('free', 'pro');
create table accounts (
  id bigint generated always as identity primary key,
  email varchar(200) not null unique,
  name text,
  balance numeric(20,8) not null default 0 check (balance >= 0),
  created_at timestamptz not null default now(),
  tags text[] not null default '{}',
  meta jsonb default '{}'::jsonb,
  code char(3),
  active boolean not null default true
);
comment on table accounts is 'people';
comment on column accounts.email is 'login, lower case';
create table orders (
  id serial primary key,
  account_id bigint not null references accounts(id) on delete cascade,
  status order_status not null default 'new',
  qty numeric not null,
  price numeric(20,8) not null,
  note text,
  "Mixed Case" int,
  constraint orders_qty_check check (qty > 0),
  constraint orders_status_note check (status in ('new', 'done') or note is not null)
);
create index orders_account_idx on orders (account_id, id desc);
create unique index orders_lower_note on orders (lower(note)) where note is not null;
create index orders_cover on orders (account_id) include (qty, price);
create index orders_nulls on orders (price desc nulls last, qty nulls first);
comment on index orders_cover is 'covering';
create table billing.subscriptions (
  account_id bigint not null references accounts(id),
  kind billing."Plan Kind" not null default 'free',
  starts date not null default current_date,
  primary key (account_id, starts)
);
create table "odd ""name""" ("select" int primary key, "x y" text check ("x y" <> ''));
)sql";

}  // namespace

TEST_CASE("pull then plan is empty: hand-written SQL on PostgreSQL 15") { pull_then_plan(Server::pg15, kHandWritten); }

TEST_CASE("pull then plan is empty: hand-written SQL with hypertables on TimescaleDB 2.19") {
  pull_then_plan(Server::tsdb, std::string("create extension timescaledb;\n") + kHandWritten + R"sql(
create table ticks (ts timestamptz not null, symbol_id int not null, price double precision,
                    primary key (symbol_id, ts));
select create_hypertable('ticks', by_range('ts', interval '30 minutes'));
create index ticks_price on ticks (price);
create table events (at timestamptz not null, v int);
select create_hypertable('events', by_range('at'));
create table counters (n bigint not null, v int);
select create_hypertable('counters', by_range('n', 1000));
)sql");
}

TEST_CASE("pull then plan is empty: hypertables with retention and compression policies (Timescale license)") {
  pull_then_plan(Server::tsl, R"sql(
create schema rt_tsl;
create table rt_tsl.prices (ts timestamptz not null, symbol_id int not null, price numeric check (price > 0));
select create_hypertable('rt_tsl.prices', by_range('ts', interval '1 day'));
select add_retention_policy('rt_tsl.prices', drop_after => interval '30 days');
alter table rt_tsl.prices set (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id',
                               timescaledb.compress_orderby = 'ts DESC');
select add_compression_policy('rt_tsl.prices', compress_after => interval '7 days');
create table rt_tsl.trades (ts timestamptz not null, qty int not null default 1);
select create_hypertable('rt_tsl.trades', by_range('ts', interval '6 hours'));
select add_retention_policy('rt_tsl.trades', drop_after => interval '90 days');
create index trades_qty on rt_tsl.trades (qty, ts desc);
)sql",
                 {});
}

// ---- the command line ----

// A fresh database on the Apache server, TimescaleDB available but not created yet: the edition is still known,
// so a retention policy is refused at plan time, not at apply time.
TEST_CASE("plan --db refuses retention on a fresh Apache database before the extension exists") {
  TestDb db(Server::tsdb);
  TempDir dir;
  std::string file = dir.write("schema.dsl",
                               "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n  v  int\n\n"
                               "  hypertable on ts {\n    retention 7 days\n  }\n}\n");
  RunResult plan = schemac_cli({"plan", file, "--db", db.url()}, dir);
  CHECK_MESSAGE(plan.exit_code == 1, describe(plan));
  CHECK_MESSAGE(plan.err.find("needs TimescaleDB's Timescale license, but the server runs the Apache edition") !=
                    std::string::npos,
                describe(plan));
  CHECK(db.query_value("select count(*) from pg_extension where extname = 'timescaledb'") == "0");
}

TEST_CASE("plan --db gives the same output as offline plan, against the live catalog") {
  fs::path file = fs::path(SCHEMAC_SOURCE_DIR) / "examples" / "perps_stats" / "schema.dsl";
  TestDb db(Server::pg15);
  TempDir dir;
  // Offline: no migrations/ in the directory, so the plan is against an empty database.
  RunResult offline = schemac_cli({"plan", file.string()}, dir);
  RunResult live = schemac_cli({"plan", file.string(), "--db", db.url()}, dir);
  REQUIRE_MESSAGE(offline.exit_code == 0, describe(offline));
  CHECK_MESSAGE(live.exit_code == 0, describe(live));
  CHECK(live.out == offline.out);
  for (const char* format : {"json", "markdown"}) {
    RunResult a = schemac_cli({"plan", file.string(), "--format", format}, dir);
    RunResult b = schemac_cli({"plan", file.string(), "--db", db.url(), "--format", format}, dir);
    CHECK_MESSAGE(a.out == b.out, format);
  }
  RunResult pending = schemac_cli({"plan", file.string(), "--db", db.url(), "--exit-code"}, dir);
  CHECK(pending.exit_code == 2);
}

TEST_CASE("plan --db drops what the declaration lacks only with --allow-destructive") {
  TestDb db(Server::pg15);
  db.exec("create table keep (id int primary key); create table extra (id int primary key, v text);"
          "alter table keep add column gone int");
  TempDir dir;
  std::string file = dir.write("schema.dsl", "table keep {\n  id int primary key\n}\n");
  RunResult refused = schemac_cli({"plan", file, "--db", db.url()}, dir);
  CHECK(refused.exit_code == 1);
  CHECK_MESSAGE(refused.err.find("destructive") != std::string::npos, describe(refused));
  CHECK_MESSAGE(refused.err.find("drop table public.extra") != std::string::npos, describe(refused));
  CHECK_MESSAGE(refused.err.find("drop column public.keep.gone") != std::string::npos, describe(refused));
  CHECK_MESSAGE(refused.err.find("--allow-destructive") != std::string::npos, describe(refused));
  RunResult allowed = schemac_cli({"plan", file, "--db", db.url(), "--allow-destructive"}, dir);
  CHECK_MESSAGE(allowed.exit_code == 0, describe(allowed));
  CHECK(allowed.out.find("DROP TABLE public.extra;") != std::string::npos);
  CHECK(allowed.out.find("DROP COLUMN gone") != std::string::npos);
}

TEST_CASE("pull --schema writes only the schemas named, in canonical form") {
  TestDb db(Server::pg15);
  db.exec("create schema a; create schema \"B b\"; create table a.t (id int primary key);"
          "create table \"B b\".u (id int); create table p (x text)");
  TempDir dir;
  RunResult one = schemac_cli({"pull", "--db", db.url(), "--schema", "a"}, dir);
  REQUIRE_MESSAGE(one.exit_code == 0, describe(one));
  CHECK(one.out == "schema a {\n  table t {\n    id int primary key\n  }\n}\n");
  RunResult two = schemac_cli({"pull", "--db", db.url(), "--schema", "a", "--schema", "B b"}, dir);
  CHECK(two.out.find("schema \"B b\"") != std::string::npos);
  CHECK(two.out.find("table p") == std::string::npos);
  RunResult all = schemac_cli({"pull", "--db", db.url()}, dir);
  CHECK(all.out.find("table p {") != std::string::npos);
  std::string file = dir.write("all.dsl", all.out);
  CHECK(schemac_cli({"fmt", file, "--check"}, dir).exit_code == 0);
}

TEST_CASE("plan --db and pull: one clear message per connection failure, without the password") {
  TestDb db(Server::pg15);
  TempDir dir;
  std::string file = dir.write("schema.dsl", "table t {\n  id int\n}\n");
  auto expect = [&](const std::string& url, const char* text) {
    for (auto args : {std::vector<std::string>{"plan", file, "--db", url}, std::vector<std::string>{"pull", "--db", url}}) {
      RunResult r = schemac_cli(args, dir);
      CHECK(r.exit_code == 1);
      CHECK_MESSAGE(r.err.find(text) != std::string::npos, describe(r));
      CHECK_MESSAGE(r.err.find("s3cret-pw") == std::string::npos, describe(r));
      CHECK_MESSAGE(r.err.rfind("error: ", 0) == 0, describe(r));
      CHECK(r.out.empty());
    }
  };
  expect("postgresql://postgres:s3cret-pw@127.0.0.1:1/x?connect_timeout=5", "connection refused");
  expect(db.url() + " dbname=schemac_no_such_db password=s3cret-pw", "the database does not exist");
  expect(db.url() + " user=schemac_no_such_role password=s3cret-pw", "authentication failed");
  expect("postgresql://u:s3cret-pw@no-such-host.invalid/x", "unknown host");
  RunResult none = test::run_program({"env", "-u", "DATABASE_URL", SCHEMAC_BINARY, "pull"}, dir.path.string());
  CHECK(none.exit_code == 1);
  CHECK(none.err.find("no database given") != std::string::npos);

  std::string role = "schemac_rt_noconnect";
  db.exec(fmt::format("drop role if exists {0}; create role {0} login; revoke connect on database \"{1}\" from public",
                      role, db.database()));
  expect(db.url() + " user=" + role + " password=s3cret-pw", "permission denied");
  db.exec("drop role " + role);
}

// Renames on a real server with rows in the tables: a table and a column renamed with @renamed_from take their
// default-named constraints and indexes along by renaming them. UP and DOWN are applied with
// `psql -v ON_ERROR_STOP=1 -f` on the rendered files; every index keeps its pg_class OID (it was not rebuilt),
// every constraint its pg_constraint OID, the rows stay, the constraints still hold, and the catalog equals the
// declaration after each step.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "apply_util.hpp"
#include "plan/diff.hpp"
#include "dsl/load.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::Server;
using schemac::test::TestDb;
namespace fs = std::filesystem;

namespace {

const char* kBefore = R"(table trades {
  id  bigint primary key
  sym text
  qty int check (qty > 0)
  unique (sym, qty)
  index (sym)
  index (qty) where (qty > 10)
}

table fills {
  id       bigint primary key
  trade_id bigint references trades
}
)";

const char* kAfter = R"(@renamed_from(trades)
table orders {
  id     bigint primary key
  @renamed_from(sym)
  symbol text
  qty    int check (qty > 0)
  unique (symbol, qty)
  index (symbol)
  index (qty) where (qty > 10)
}

table fills {
  id       bigint primary key
  trade_id bigint references orders
}
)";

// Old name -> new name of every constraint and index the renames touch, and of the foreign key they do not.
const std::map<std::string, std::string> kRenamed = {
    {"trades_pkey", "orders_pkey"},           {"trades_sym_qty_key", "orders_symbol_qty_key"},
    {"trades_qty_check", "orders_qty_check"}, {"trades_sym_idx", "orders_symbol_idx"},
    {"trades_qty_idx", "orders_qty_idx"},     {"fills_trade_id_fkey", "fills_trade_id_fkey"}};

Schema load_text(const std::string& text) {
  Loaded l = load_dsl_text("rename.dsl", text);
  std::string diags;
  for (auto& d : l.diags) diags += "\n  " + d.message;
  REQUIRE_MESSAGE(l.ok(), text << diags);
  return std::move(l.schema);
}

// Name -> OID of every index and constraint in schema public.
std::map<std::string, std::string> oids(TestDb& db) {
  std::map<std::string, std::string> out;
  for (auto& r : db.query_rows("SELECT c.relname, c.oid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                               "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"))
    out["index " + r[0]] = r[1];
  for (auto& r : db.query_rows("SELECT k.conname, k.oid::text FROM pg_constraint k JOIN pg_namespace n ON "
                               "n.oid = k.connamespace WHERE n.nspname = 'public' AND k.contype <> 'n'"))
    out["constraint " + r[0]] = r[1];
  return out;
}

// `before` with every name renamed by `map` (old -> new, or new -> old when `back`).
std::map<std::string, std::string> renamed(const std::map<std::string, std::string>& before, bool back) {
  std::map<std::string, std::string> out;
  for (auto& [key, oid] : before) {
    auto space = key.find(' ');
    std::string kind = key.substr(0, space), name = key.substr(space + 1);
    for (auto& [old_name, new_name] : kRenamed) {
      if (!back && name == old_name) { name = new_name; break; }
      if (back && name == new_name) { name = old_name; break; }
    }
    out[kind + " " + name] = oid;
  }
  return out;
}

void psql(TestDb& db, const std::string& sql) {
  fs::path file = fs::temp_directory_path() / fmt::format("schemac_rename_{}.sql", ::getpid());
  std::ofstream(file, std::ios::binary) << sql;
  auto r = test::run_program({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url(), "-f", file.string()});
  fs::remove(file);
  REQUIRE_MESSAGE(r.exit_code == 0, sql << "\n" << r.err);
}

// The live catalog equals `declared`: nothing left to plan.
void check_matches(TestDb& db, Schema declared) {
  Catalog live = test::inspect_url(db.url(), &declared);
  DiffOptions all;
  all.allow_destructive = true;  // a difference must show, not be refused
  Plan rest = diff(live.schema, declared, all);
  CHECK_MESSAGE(rest.changes.empty(), test::describe(rest));
}

}  // namespace

TEST_CASE("renames keep their indexes and constraints: same OIDs after UP and after DOWN, rows kept") {
  TestDb db(Server::pg15);
  Schema before = load_text(kBefore), after = load_text(kAfter);
  test::apply_up(db.url(), diff({}, before));
  db.exec("INSERT INTO public.trades SELECT g, 's' || g, g FROM generate_series(1, 500) g;"
          "INSERT INTO public.fills SELECT g, g FROM generate_series(1, 500) g;");
  auto start = oids(db);
  REQUIRE(start.size() == 10);  // 5 indexes (2 behind trades' keys, 2 of its own, fills' key), 5 constraints
  for (auto& [old_name, _] : kRenamed)
    CHECK_MESSAGE(start.count("constraint " + old_name) + start.count("index " + old_name) > 0, old_name);

  Catalog live = test::inspect_url(db.url(), &after);
  Plan plan = diff(live.schema, after);
  REQUIRE_MESSAGE(plan.diagnostics.empty(), test::describe(plan));
  for (auto& c : plan.changes) {
    CAPTURE(c.description);
    CHECK((c.kind == Change::Kind::rename_table || c.kind == Change::Kind::rename_column ||
           c.kind == Change::Kind::rename_constraint || c.kind == Change::Kind::rename_index));
  }
  psql(db, plan_up_sql(plan));
  CHECK(oids(db) == renamed(start, false));
  check_matches(db, after);
  CHECK(db.query_value("SELECT count(*) FROM public.orders o JOIN public.fills f ON f.trade_id = o.id") == "500");
  // The constraints still hold under their new names.
  for (auto* bad : {"INSERT INTO public.orders VALUES (9001, 'x', -1)", "INSERT INTO public.orders VALUES (9001, 's1', 1)",
                    "INSERT INTO public.fills VALUES (9001, 9001)"})
    CHECK_THROWS_AS(db.exec(bad), std::runtime_error);

  psql(db, plan_down_sql(plan));
  CHECK(oids(db) == start);
  check_matches(db, before);
  CHECK(db.query_value("SELECT count(*) FROM public.trades t JOIN public.fills f ON f.trade_id = t.id") == "500");
}

// A hypertable made by hand keeps create_hypertable's own (time DESC) index, which no declaration lists: renaming
// the table and its time column renames that index to its new default name too, on every chunk's behalf
// (TimescaleDB follows ALTER INDEX on a hypertable), instead of dropping it.
TEST_CASE("renames on a hypertable: the primary key and create_hypertable's own index follow, not rebuilt (tsdb)") {
  TestDb db(Server::tsdb);
  db.exec("CREATE EXTENSION timescaledb;"
          "CREATE TABLE public.quotes (ts timestamptz NOT NULL, sym text NOT NULL, px int NOT NULL,"
          " PRIMARY KEY (sym, ts));"
          "SELECT create_hypertable('public.quotes', 'ts', chunk_time_interval => INTERVAL '1 day');"
          "INSERT INTO public.quotes SELECT timestamptz '2024-01-01' + g * INTERVAL '1 hour', 's' || (g % 3), g"
          " FROM generate_series(1, 120) g;");
  REQUIRE(std::stoi(db.query_value("SELECT count(*) FROM timescaledb_information.chunks")) >= 5);
  auto start = oids(db);
  REQUIRE(start.count("index quotes_ts_idx") == 1);
  REQUIRE(start.count("index quotes_pkey") == 1);
  Schema after = load_text(R"(extension timescaledb

@renamed_from(quotes)
table ticks {
  @renamed_from(ts)
  at  timestamptz
  sym text
  px  int

  primary key (sym, at)

  hypertable on at {
    chunk_interval 1 day
  }
}
)");
  Catalog live = test::inspect_url(db.url(), &after);
  Plan plan = diff(live.schema, after);
  REQUIRE_MESSAGE(plan.diagnostics.empty(), test::describe(plan));
  std::vector<std::string> want{"rename table public.quotes to ticks", "rename column public.ticks.ts to at",
                                "rename constraint quotes_pkey on public.ticks to ticks_pkey",
                                "rename index public.quotes_ts_idx to ticks_at_idx"};
  std::vector<std::string> got;
  for (auto& c : plan.changes) got.push_back(c.description);
  CHECK(got == want);
  psql(db, plan_up_sql(plan));
  auto now = oids(db);
  CHECK(now.at("index ticks_at_idx") == start.at("index quotes_ts_idx"));
  CHECK(now.at("index ticks_pkey") == start.at("index quotes_pkey"));
  CHECK(now.at("constraint ticks_pkey") == start.at("constraint quotes_pkey"));
  check_matches(db, after);
  CHECK(db.query_value("SELECT count(*) FROM public.ticks WHERE at > '2024-01-03'") == "72");
  psql(db, plan_down_sql(plan));
  CHECK(oids(db) == start);
  CHECK(db.query_value("SELECT count(*) FROM public.quotes") == "120");
}

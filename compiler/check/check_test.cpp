#include "check/check.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "builders.hpp"
#include "model/types.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

// The CEX example from dsl.md as the parser hands it over (names as written, empty default names), lines
// roughly as they would be in the file. Valid as it stands.
Schema cex() {
  Schema s;
  s.extensions.push_back(at(extension("timescaledb"), 1, 1));
  s.enums.push_back(at(enum_of("public", "market_type", {"spot", "futures"}), 3, 1));
  Table ex =
      at(table("public", "exchanges",
               {at(col("id", ty("integer")), 6), at(col("enum_value", ty("character varying", {50})), 7),
                at(col("market_type", ty("market_type")), 8), at(col("created_at", ty("timestamp with time zone")), 9)},
               {at(pk("", {"id"}), 6), at(uq("", {"enum_value"}), 7),
                at(chk("", "enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$'"), 11)}),
         5, 1);
  ex.columns[0].identity = Identity::by_default;
  ex.columns[3].default_expr = "now()";
  ex.constraints[0].inline_form = ex.constraints[1].inline_form = true;
  Table sym =
      at(table("public", "symbols",
               {at(col("id", ty("int")), 15), at(col("exchange_id", ty("int4")), 16),
                at(col("symbol_base", ty("varchar", {20})), 17), at(col("symbol_quote", ty("varchar", {20})), 18),
                at(col("tick_size", ty("decimal", {20, 8}), true), 19), at(col("is_active", ty("boolean")), 20)},
               {at(pk("", {"id"}), 15), at(fk("", {"exchange_id"}, "exchanges", {}), 16),
                at(uq("", {"exchange_id", "symbol_base", "symbol_quote"}), 22)}),
         14, 1);
  sym.columns[0].identity = Identity::by_default;
  sym.constraints[1].on_delete = FkAction::cascade;
  sym.indexes.push_back(at(idx("", {key("exchange_id")}), 23));
  Table bt =
      at(table("public", "book_ticker_snapshots",
               {at(col("timestamp", ty("timestamptz")), 28), at(col("symbol_id", ty("int")), 29),
                at(col("bid_price", ty("numeric", {20, 8})), 30), at(col("ask_price", ty("numeric", {20, 8})), 31)},
               {at(fk("", {"symbol_id"}, "symbols", {"id"}), 29), at(chk("", "bid_price > 0"), 30),
                at(pk("", {"timestamp", "symbol_id"}), 33)}),
         27, 1);
  bt.indexes.push_back(at(idx("", {key("symbol_id"), key("timestamp", true)}), 34));
  bt.hypertable = at(hyper("timestamp"), 36);
  bt.hypertable->chunk_interval = Span{false, 0, 0, 0, 30 * 60'000'000LL};
  bt.hypertable->retention = days(7);
  bt.hypertable->compression = Compression{{"symbol_id"}, {{"timestamp", true, NullsOrder::implied}}, days(1)};
  Query latest = at(query("latest_for_symbol", {at(param("symbol_id"), 42, 20)}, "symbol_id = :symbol_id"), 42);
  latest.order_by = {{"timestamp", true, NullsOrder::implied}};
  latest.limit = "1";
  Query window = at(
      query("window_for_symbol", {at(param("symbol_id"), 45, 20), at(param("from"), 45, 20), at(param("to"), 45, 20)},
            "symbol_id = :symbol_id and timestamp >= :from and timestamp < :to", true),
      45);
  window.order_by = {{"timestamp", false, NullsOrder::implied}};
  bt.queries = {latest, window};
  s.tables = {ex, sym, bt};
  return s;
}

// Diagnostics as text, one per line: "line:col: severity: message [hint]".
std::string show(const Diagnostics& ds) {
  std::string out;
  for (auto& d : ds) {
    out += fmt::format("{}:{}: {}: {}", d.loc.line, d.loc.col,
                       d.severity == Diagnostic::Severity::error ? "error" : "warning", d.message);
    if (!d.hint.empty()) out += fmt::format(" [{}]", d.hint);
    out += "\n";
  }
  return out;
}

std::string run(Schema s) { return show(check(s)); }

Table& tbl(Schema& s, const std::string& name) { return *s.table("public", name); }

}  // namespace

// ---- completion ----

TEST_CASE("check: the CEX example is valid and gets completed") {
  Schema s = cex();
  CHECK(show(check(s)) == "");
  Table& ex = tbl(s, "exchanges");
  CHECK(ex.columns[0].type == ty("int"));
  CHECK(ex.columns[1].type == ty("varchar", {50}));
  CHECK(ex.columns[2].type == Type{"public", "market_type", {}, 0});
  CHECK(ex.columns[3].type == ty("timestamptz"));
  CHECK(ex.constraints[0].name == "exchanges_pkey");
  CHECK(ex.constraints[1].name == "exchanges_enum_value_key");
  CHECK(ex.constraints[2].name == "exchanges_enum_value_check");
  Table& sym = tbl(s, "symbols");
  CHECK(sym.columns[4].type == ty("numeric", {20, 8}));
  CHECK(sym.columns[5].type == ty("bool"));
  CHECK(sym.constraints[1].name == "symbols_exchange_id_fkey");
  CHECK(sym.constraints[1].ref_columns == std::vector<std::string>{"id"});
  CHECK(sym.constraints[2].name == "symbols_exchange_id_symbol_base_symbol_quote_key");
  CHECK(sym.indexes[0].name == "symbols_exchange_id_idx");
  Table& bt = tbl(s, "book_ticker_snapshots");
  CHECK(bt.constraints[0].name == "book_ticker_snapshots_symbol_id_fkey");
  CHECK(bt.constraints[1].name == "book_ticker_snapshots_bid_price_check");
  CHECK(bt.constraints[2].name == "book_ticker_snapshots_pkey");
  CHECK(bt.indexes[0].name == "book_ticker_snapshots_symbol_id_timestamp_idx");
  CHECK(bt.queries[0].params[0].type == ty("int"));
  CHECK(bt.queries[1].params[1].type == ty("timestamptz"));
  CHECK(bt.queries[1].params[2].type == ty("timestamptz"));
}

TEST_CASE("check: default index names avoid every relation name in the schema") {
  Schema s = cex();
  // A table already called symbols_exchange_id_idx pushes the default index name to ..._idx1.
  s.tables.push_back(
      at(table("public", "symbols_exchange_id_idx", {at(col("a", ty("int")), 61)}, {at(pk("", {"a"}), 61)}), 60, 1));
  // A second unnamed index with the same columns gets the next free number.
  tbl(s, "symbols").indexes.push_back(at(idx("", {key("exchange_id")}), 24));
  CHECK(run(s) == "");
  Schema s2 = s;
  check(s2);
  CHECK(tbl(s2, "symbols").indexes[0].name == "symbols_exchange_id_idx1");
  CHECK(tbl(s2, "symbols").indexes[1].name == "symbols_exchange_id_idx2");
  // Explicit index names elsewhere in the schema are taken too.
  Schema s3 = cex();
  tbl(s3, "exchanges").indexes.push_back(at(idx("symbols_exchange_id_idx", {key("created_at")}), 12));
  check(s3);
  CHECK(tbl(s3, "symbols").indexes[0].name == "symbols_exchange_id_idx1");
}

TEST_CASE("check: default constraint names number clashes like PostgreSQL") {
  Schema s = cex();
  auto& ex = tbl(s, "exchanges");
  ex.constraints.push_back(at(chk("", "enum_value <> ''"), 12));
  ex.constraints.push_back(at(chk("", "created_at > '2000-01-01' and enum_value <> 'x'"), 13));
  CHECK(run(s) == "");
  check(s);
  CHECK(ex.constraints[3].name == "exchanges_enum_value_check1");
  CHECK(ex.constraints[4].name == "exchanges_check");
}

TEST_CASE("check: nulls order is normalised") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.indexes[0].keys = {key("symbol_id", false, NullsOrder::last), key("timestamp", true, NullsOrder::first)};
  bt.indexes.push_back(
      at(idx("", {key("bid_price", false, NullsOrder::first), key("ask_price", true, NullsOrder::last)}), 35));
  bt.hypertable->compression->order_by = {{"timestamp", true, NullsOrder::first}};
  bt.queries[0].order_by = {{"timestamp", false, NullsOrder::last}};
  CHECK(run(s) == "");
  check(s);
  CHECK(bt.indexes[0].keys[0].nulls == NullsOrder::implied);
  CHECK(bt.indexes[0].keys[1].nulls == NullsOrder::implied);
  CHECK(bt.indexes[1].keys[0].nulls == NullsOrder::first);
  CHECK(bt.indexes[1].keys[1].nulls == NullsOrder::last);
  CHECK(bt.hypertable->compression->order_by[0].nulls == NullsOrder::implied);
  CHECK(bt.queries[0].order_by[0].nulls == NullsOrder::implied);
}

TEST_CASE("check: several errors in one schema are all reported, sorted by place") {
  Schema s = cex();
  tbl(s, "exchanges").columns[1].type = ty("varchr", {50});
  tbl(s, "symbols").indexes[0].keys = {key("exchnge_id")};
  tbl(s, "book_ticker_snapshots").hypertable->chunk_interval = days(0);
  CHECK(run(s) ==
        "7:3: error: unknown type \"varchr\" [did you mean \"varchar\"?]\n"
        "23:3: error: unknown column \"exchnge_id\" in index on \"symbols\" [did you mean \"exchange_id\"?]\n"
        "36:3: error: chunk_interval of hypertable \"book_ticker_snapshots\" must be greater than zero\n");
}

// ---- schemas, enums, tables, columns ----

TEST_CASE("check: schemas must be declared and unique") {
  Schema s = cex();
  s.tables[0].schema = "workspace";
  CHECK(run(s).find("5:1: error: unknown schema \"workspace\" for table \"exchanges\" "
                    "[declare it with \"schema workspace { }\"]\n") == 0);
  Schema ok = cex();
  ok.namespaces.push_back(Namespace{"workspace", "", dsl_loc(50, 1), {}, {}});
  ok.tables.push_back(
      at(table("public", "order_history", {at(col("id", ty("uuid")), 52)}, {at(pk("", {"id"}), 52)}), 51, 1));
  ok.tables.back().schema = "workspace";
  CHECK(run(ok) == "");
  ok.namespaces.push_back(Namespace{"workspace", "", dsl_loc(60, 1), {}, {}});
  ok.namespaces.push_back(Namespace{"public", "", dsl_loc(70, 1), {}, {}});
  ok.namespaces.push_back(Namespace{"pg_stuff", "", dsl_loc(80, 1), {}, {}});
  ok.namespaces.push_back(Namespace{"schemac", "", dsl_loc(90, 1), {}, {}});
  Schema copy = ok;
  CHECK(show(check(copy)) ==
        "60:1: error: schema \"workspace\" is declared twice [put all of its tables and enums in one schema block]\n"
        "80:1: error: schema name \"pg_stuff\" is reserved for PostgreSQL or TimescaleDB [choose another name]\n"
        "90:1: error: schema name \"schemac\" is reserved for the migration history (schemac.migrations) "
        "[choose another name]\n");
  CHECK(copy.find_namespace("public") == nullptr);  // public is implicit and never listed
}

TEST_CASE("check: a typo in a schema name is suggested") {
  Schema s = cex();
  s.namespaces.push_back(Namespace{"workspace", "", dsl_loc(50, 1), {}, {}});
  s.enums[0].schema = "workspce";
  CHECK(run(s) == "3:1: error: unknown schema \"workspce\" for enum \"market_type\" [did you mean \"workspace\"?]\n"
                  "8:3: error: unknown type \"market_type\" [declare it with \"enum market_type { ... }\", or add the "
                  "extension that provides it]\n");
}

TEST_CASE("check: duplicate enums and enum labels") {
  Schema s = cex();
  s.enums.push_back(at(enum_of("public", "market_type", {"a"}), 4, 1));
  s.enums.push_back(at(enum_of("public", "side", {"buy", "sell", "buy"}), 5, 1));
  s.enums.push_back(at(enum_of("public", "int", {"x"}), 6, 1));
  CHECK(run(s) == "4:1: error: enum \"market_type\" is declared twice [the first one is at line 3]\n"
                  "5:1: error: duplicate label \"buy\" in enum \"side\"\n"
                  "6:1: error: enum \"int\" has the name of a built-in type [choose another name]\n");
}

TEST_CASE("check: enums resolve in the table's schema, then public") {
  Schema s = cex();
  s.namespaces.push_back(Namespace{"ws", "", dsl_loc(50, 1), {}, {}});
  s.enums.push_back(at(enum_of("ws", "status", {"new"}), 51, 1));
  s.enums.push_back(at(enum_of("public", "Date", {"new"}), 52, 1));  // mixed case: a user type, not the built-in date
  Table t = at(
      table("public", "orders",
            {at(col("id", ty("int")), 54), at(col("st", ty("status")), 55), at(col("mt", ty("market_type", {}, 1)), 56),
             at(col("d", ty("Date")), 57), at(col("e", ty("DATE")), 58)},
            {at(pk("", {"id"}), 54)}),
      53, 1);
  t.schema = "ws";
  s.tables.push_back(t);
  CHECK(run(s) == "");
  check(s);
  Table& o = *s.table("ws", "orders");
  CHECK(o.columns[1].type == Type{"ws", "status", {}, 0});
  CHECK(o.columns[2].type == Type{"public", "market_type", {}, 1});
  CHECK(o.columns[3].type == Type{"public", "Date", {}, 0});
  CHECK(o.columns[4].type == ty("date"));
  // An enum in another schema is not visible unqualified from public.
  Schema bad = cex();
  bad.namespaces.push_back(Namespace{"ws", "", dsl_loc(50, 1), {}, {}});
  bad.enums.push_back(at(enum_of("ws", "status", {"new"}), 51, 1));
  tbl(bad, "exchanges").columns.push_back(at(col("st", ty("status")), 10));
  CHECK(run(bad) == "10:3: error: unknown type \"status\" [declare it with \"enum status { ... }\", or add the "
                    "extension that provides it]\n");
}

TEST_CASE("check: duplicate tables, and a table named like an enum") {
  Schema s = cex();
  s.tables.push_back(at(table("public", "symbols", {at(col("a", ty("int")), 61)}, {at(pk("", {"a"}), 61)}), 60, 1));
  s.tables.push_back(at(table("public", "market_type", {at(col("a", ty("int")), 71)}, {at(pk("", {"a"}), 71)}), 70, 1));
  CHECK(run(s) == "60:1: error: table \"symbols\" is declared twice [the first one is at line 14]\n"
                  "70:1: error: table \"market_type\" has the same name as enum \"market_type\" [tables and types "
                  "share one name space in a schema: rename one of them]\n");
}

TEST_CASE("check: duplicate columns") {
  Schema s = cex();
  tbl(s, "symbols").columns.push_back(at(col("symbol_base", ty("text")), 21));
  CHECK(run(s) == "21:3: error: duplicate column \"symbol_base\" in table \"symbols\" [the first one is at line 17]\n");
}

TEST_CASE("check: names longer than 63 bytes") {
  Schema s = cex();
  tbl(s, "symbols").columns.push_back(at(col(std::string(64, 'a'), ty("text")), 21));
  CHECK(run(s) == fmt::format("21:3: error: column name \"{}\" is longer than 63 bytes [PostgreSQL would cut it "
                              "short: choose a shorter name]\n", std::string(64, 'a')));
}

// ---- types ----

TEST_CASE("check: unknown types") {
  Schema s = cex();
  tbl(s, "symbols").columns[2].type = ty("timestamtz");
  tbl(s, "symbols").columns[3].type = ty("money_amount");
  CHECK(run(s) == "17:3: error: unknown type \"timestamtz\" [did you mean \"timestamptz\"?]\n"
                  "18:3: error: unknown type \"money_amount\" [declare it with \"enum money_amount { ... }\", or add "
                  "the extension that provides it]\n");
}

TEST_CASE("check: extension types need their extension") {
  Schema s = cex();
  tbl(s, "symbols").columns.push_back(at(col("embedding", ty("vector", {1536})), 21));
  CHECK(run(s) == "21:3: error: unknown type \"vector\" [it comes from an extension: add \"extension vector\"]\n");
  s.extensions.push_back(at(extension("vector"), 1, 1));
  CHECK(run(s) == "");
  Schema c = cex();
  tbl(c, "symbols").columns.push_back(at(col("name", ty("citext")), 21));
  CHECK(run(c) == "21:3: error: unknown type \"citext\" [it comes from an extension: add \"extension citext\"]\n");
  // An extension schemac does not know may provide any type.
  Schema u = cex();
  u.extensions.push_back(at(extension("isn"), 1, 1));
  tbl(u, "symbols").columns.push_back(at(col("code", ty("isbn13")), 21));
  CHECK(run(u) == "");
}

TEST_CASE("check: type modifiers") {
  Schema s = cex();
  tbl(s, "symbols").columns[1].type = ty("int", {4});
  tbl(s, "symbols").columns[2].type = ty("varchar", {0});
  tbl(s, "exchanges").columns[2].type = ty("market_type", {3});
  tbl(s, "symbols").columns.push_back(at(col("ids", ty("serial", {}, 1)), 21));
  CHECK(run(s) == "8:3: error: enum type \"market_type\" takes no modifiers [write \"market_type\" without the "
                  "parentheses]\n"
                  "16:3: error: type int takes no modifiers\n"
                  "17:3: error: length for type varchar must be between 1 and 10485760\n"
                  "21:3: error: type serial cannot be an array [use int[]]\n");
}

// ---- column rules ----

TEST_CASE("check: identity columns") {
  Schema s = cex();
  auto& sym = tbl(s, "symbols");
  sym.columns[2].identity = Identity::always;
  sym.columns[0].default_expr = "1";
  CHECK(run(s) == "15:3: error: identity column \"id\" cannot have a default [the identity generates the values: "
                  "remove the default]\n"
                  "17:3: error: identity column \"symbol_base\" must be smallint, int or bigint, not varchar\n");
  Schema n = cex();
  tbl(n, "symbols").columns[0].nullable = true;
  std::string out = run(n);
  CHECK(out.find("15:3: error: identity column \"id\" cannot be nullable [remove the \"?\"]\n") != std::string::npos);
}

TEST_CASE("check: generated and serial columns cannot have defaults") {
  Schema s = cex();
  auto& sym = tbl(s, "symbols");
  sym.columns.push_back(at(col("pair", ty("text")), 21));
  sym.columns.back().generated_expr = "symbol_base || symbol_quote";
  sym.columns.back().default_expr = "''";
  sym.columns.push_back(at(col("seq", ty("bigserial")), 22));
  sym.columns.back().default_expr = "0";
  CHECK(run(s) == "21:3: error: generated column \"pair\" cannot have a default [its value always comes from the "
                  "expression: remove the default]\n"
                  "22:3: error: bigserial column \"seq\" cannot have a default [bigserial already defaults to the next "
                  "value of its sequence: remove the default]\n");
  Schema ok = cex();
  tbl(ok, "symbols").columns.push_back(at(col("seq", ty("serial8")), 22));
  CHECK(run(ok) == "");
  check(ok);
  CHECK(tbl(ok, "symbols").columns.back().type == ty("bigserial"));
}

// ---- constraints ----

TEST_CASE("check: more than one primary key") {
  Schema s = cex();
  tbl(s, "symbols").constraints.push_back(at(pk("", {"symbol_base"}), 24));
  std::string out = run(s);
  CHECK(out.find("24:3: error: table \"symbols\" has more than one primary key [the first one is at line 15]\n") !=
        std::string::npos);
}

TEST_CASE("check: a nullable primary key column becomes NOT NULL with a warning") {
  Schema s = cex();
  tbl(s, "book_ticker_snapshots").columns[1].nullable = true;
  CHECK(run(s) == "29:3: warning: column \"symbol_id\" is in the primary key, so it is NOT NULL [remove the \"?\"]\n");
  check(s);
  CHECK_FALSE(tbl(s, "book_ticker_snapshots").columns[1].nullable);
}

TEST_CASE("check: unknown columns in keys, indexes and include lists") {
  Schema s = cex();
  auto& sym = tbl(s, "symbols");
  sym.constraints[2].columns = {"exchange_id", "symbl_base", "symbol_quote"};
  sym.constraints.push_back(at(pk("", {"nope"}), 25));
  sym.indexes[0].keys = {key("symbol_qoute")};
  sym.indexes[0].include = {"tick_sise"};
  CHECK(run(s) ==
        "22:3: error: unknown column \"symbl_base\" in unique constraint on \"symbols\" [did you mean "
        "\"symbol_base\"?]\n"
        "23:3: error: unknown column \"symbol_qoute\" in index on \"symbols\" [did you mean \"symbol_quote\"?]\n"
        "23:3: error: unknown column \"tick_sise\" in include list of index on \"symbols\" [did you mean "
        "\"tick_size\"?]\n"
        "25:3: error: unknown column \"nope\" in primary key on \"symbols\" [the columns of \"symbols\" are: id, "
        "exchange_id, symbol_base, symbol_quote, tick_size, is_active]\n"
        "25:3: error: table \"symbols\" has more than one primary key [the first one is at line 15]\n");
}

TEST_CASE("check: a column listed twice in a key") {
  Schema s = cex();
  tbl(s, "symbols").constraints[2].columns = {"exchange_id", "symbol_base", "exchange_id"};
  CHECK(run(s) == "22:3: error: column \"exchange_id\" appears twice in unique constraint on \"symbols\"\n");
}

TEST_CASE("check: foreign key to a missing table or column") {
  Schema s = cex();
  tbl(s, "symbols").constraints[1].ref_table = "exchange";
  CHECK(run(s) == "16:3: error: foreign key on \"symbols\" references unknown table \"exchange\" [did you mean "
                  "\"exchanges\"?]\n");
  Schema c = cex();
  tbl(c, "symbols").constraints[1].ref_columns = {"idd"};
  CHECK(run(c) == "16:3: error: unknown column \"idd\" in \"exchanges\" referenced by foreign key on \"symbols\" "
                  "[did you mean \"id\"?]\n");
  Schema l = cex();
  tbl(l, "symbols").constraints[1].columns = {"exchang_id"};
  CHECK(run(l) == "16:3: error: unknown column \"exchang_id\" in foreign key on \"symbols\" [did you mean "
                  "\"exchange_id\"?]\n");
}

TEST_CASE("check: foreign key column count must match") {
  Schema s = cex();
  tbl(s, "symbols").constraints[1].ref_columns = {"id", "enum_value"};
  CHECK(run(s) == "16:3: error: foreign key on \"symbols\" has 1 column but references 2 columns of \"exchanges\"\n");
}

TEST_CASE("check: foreign key types must be comparable") {
  Schema s = cex();
  tbl(s, "symbols").columns[1].type = ty("text");
  CHECK(run(s) == "16:3: error: foreign key column \"exchange_id\" (text) does not match \"exchanges\".\"id\" (int) "
                  "[give \"exchange_id\" the type int]\n");
  Schema wide = cex();
  tbl(wide, "symbols").columns[1].type = ty("bigint");  // int -> bigint is fine in PostgreSQL
  CHECK(run(wide) == "");
  Schema text = cex();
  tbl(text, "symbols").columns.push_back(at(col("ev", ty("text")), 21));
  tbl(text, "symbols").constraints.push_back(at(fk("", {"ev"}, "exchanges", {"enum_value"}), 21));
  CHECK(run(text) == "");
}

TEST_CASE("check: foreign key targets must be a primary or unique key") {
  Schema s = cex();
  tbl(s, "symbols").columns.push_back(at(col("mt", ty("market_type")), 21));
  tbl(s, "symbols").constraints.push_back(at(fk("", {"mt"}, "exchanges", {"market_type"}), 21));
  CHECK(run(s) == "21:3: error: columns (market_type) of \"exchanges\" referenced by foreign key on \"symbols\" are "
                  "not its primary key or a unique key [add \"unique (market_type)\" to table \"exchanges\"]\n");
  // A unique index on plain columns is a key as well.
  tbl(s, "exchanges").indexes.push_back(at(idx("", {key("market_type")}), 12));
  tbl(s, "exchanges").indexes.back().unique = true;
  CHECK(run(s) == "");
}

TEST_CASE("check: references without columns need a primary key on the target") {
  Schema s = cex();
  tbl(s, "exchanges").constraints.erase(tbl(s, "exchanges").constraints.begin());
  tbl(s, "exchanges").columns[0].identity = Identity::none;
  CHECK(run(s) == "16:3: error: foreign key on \"symbols\" references \"exchanges\", which has no primary key "
                  "[name the referenced columns: references exchanges(...)]\n");
}

TEST_CASE("check: constraint and relation names must be unique") {
  Schema s = cex();
  tbl(s, "exchanges").constraints.push_back(at(chk("exchanges_enum_value_check", "true"), 12));
  CHECK(run(s) == "12:3: error: duplicate constraint name \"exchanges_enum_value_check\" on \"exchanges\" [the first "
                  "one is at line 11]\n");
  Schema r = cex();
  tbl(r, "symbols").indexes[0].name = "exchanges";
  CHECK(run(r) == "23:3: error: index \"exchanges\" on \"symbols\" has the same name as table \"exchanges\" [tables, "
                  "sequences, indexes, primary keys and unique constraints share one name space in a schema: rename one]\n");
  Schema p = cex();
  tbl(p, "symbols").indexes[0].name = "exchanges_pkey";
  CHECK(run(p) == "23:3: error: index \"exchanges_pkey\" on \"symbols\" has the same name as primary key on "
                  "\"exchanges\" \"exchanges_pkey\" [tables, sequences, indexes, primary keys and unique "
                  "constraints share one name space in a schema: rename one]\n");
}

// ---- indexes ----

TEST_CASE("check: index methods") {
  Schema s = cex();
  auto& sym = tbl(s, "symbols");
  sym.indexes[0].method = "GIN";
  CHECK(run(s) == "");
  check(s);
  CHECK(sym.indexes[0].method == "gin");
  Schema u = cex();
  tbl(u, "symbols").indexes[0].method = "bree";
  CHECK(run(u) == "23:3: error: unknown index method \"bree\" in index on \"symbols\" [did you mean \"btree\"?]\n");
  Schema h = cex();
  tbl(h, "symbols").indexes[0].method = "hnsw";
  CHECK(run(h) == "23:3: error: unknown index method \"hnsw\" in index on \"symbols\" [it comes from an extension: "
                  "add \"extension vector\"]\n");
  Schema g = cex();
  tbl(g, "symbols").indexes[0].method = "gin";
  tbl(g, "symbols").indexes[0].unique = true;
  tbl(g, "symbols").indexes[0].keys[0].desc = true;
  CHECK(run(g) == "23:3: error: unique index on \"symbols\" uses gin, but only btree indexes can be unique\n"
                  "23:3: error: index on \"symbols\" uses gin, which does not support asc/desc/nulls options\n");
}

// ---- hypertables ----

TEST_CASE("check: hypertables need the timescaledb extension") {
  Schema s = cex();
  s.extensions.clear();
  CHECK(run(s) == "36:3: error: hypertable \"book_ticker_snapshots\" needs the timescaledb extension [add "
                  "\"extension timescaledb\"]\n");
}

TEST_CASE("check: hypertable time column must exist and be a time or integer type") {
  Schema s = cex();
  tbl(s, "book_ticker_snapshots").hypertable->time_column = "timestmp";
  CHECK(run(s) == "36:3: error: unknown column \"timestmp\" in hypertable \"book_ticker_snapshots\" [did you mean "
                  "\"timestamp\"?]\n");
  Schema t = cex();
  tbl(t, "book_ticker_snapshots").hypertable->time_column = "bid_price";
  tbl(t, "book_ticker_snapshots").constraints[2].columns = {"bid_price", "symbol_id"};
  CHECK(run(t) == "36:3: error: time column \"bid_price\" of hypertable \"book_ticker_snapshots\" is numeric, but it "
                  "must be timestamptz, timestamp, date or an integer type [partition by a timestamptz column]\n");
}

TEST_CASE("check: a nullable hypertable time column is made NOT NULL with a warning") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.constraints.erase(bt.constraints.begin() + 2);  // no primary key: only the hypertable forces NOT NULL
  bt.columns[0].nullable = true;
  CHECK(run(s) == "28:3: warning: time column \"timestamp\" of hypertable \"book_ticker_snapshots\" is declared "
                  "nullable, but TimescaleDB makes it NOT NULL [remove the \"?\"]\n");
  check(s);
  CHECK_FALSE(bt.columns[0].nullable);
}

TEST_CASE("check: hypertable unique keys must include the time column") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.constraints[2].columns = {"symbol_id"};
  bt.constraints.push_back(at(uq("", {"symbol_id", "bid_price"}), 33));
  bt.indexes.push_back(at(idx("", {key("ask_price")}), 35));
  bt.indexes.back().unique = true;
  CHECK(run(s) ==
        "33:3: error: primary key \"book_ticker_snapshots_pkey\" of hypertable \"book_ticker_snapshots\" must include "
        "the time column \"timestamp\" [add \"timestamp\" to its columns]\n"
        "33:3: error: unique constraint \"book_ticker_snapshots_symbol_id_bid_price_key\" of hypertable "
        "\"book_ticker_snapshots\" must include the time column \"timestamp\" [add \"timestamp\" to its columns]\n"
        "35:3: error: unique index \"book_ticker_snapshots_ask_price_idx\" of hypertable \"book_ticker_snapshots\" "
        "must include the time column \"timestamp\" [add \"timestamp\" to its columns]\n");
}

TEST_CASE("check: foreign keys and hypertables") {
  // hypertable -> plain table is fine (the CEX example has one); plain -> hypertable is refused
  Schema s = cex();
  tbl(s, "book_ticker_snapshots").constraints.push_back(at(uq("", {"timestamp", "symbol_id", "bid_price"}), 34));
  s.tables.push_back(at(
      table("public", "fills",
            {at(col("ts", ty("timestamptz")), 61), at(col("symbol_id", ty("int")), 62),
             at(col("price", ty("numeric", {20, 8})), 63)},
            {at(fk("", {"ts", "symbol_id", "price"}, "book_ticker_snapshots", {"timestamp", "symbol_id", "bid_price"}),
                64)}),
      60, 1));
  CHECK(run(s) == "64:3: error: foreign key to hypertable \"book_ticker_snapshots\": foreign keys that reference a "
                  "hypertable need TimescaleDB 2.16+ and are not supported by schemac yet [drop the foreign key, or "
                  "reference a plain table]\n");
  s.tables.back().hypertable = at(hyper("ts"), 65);
  CHECK(run(s) == "64:3: error: foreign key from hypertable \"fills\" to hypertable \"book_ticker_snapshots\": "
                  "TimescaleDB does not allow foreign keys between hypertables [drop the foreign key, or make one of "
                  "the tables a plain table]\n");
}

TEST_CASE("check: spans must be positive and match the time column") {
  Schema s = cex();
  auto& h = *tbl(s, "book_ticker_snapshots").hypertable;
  h.chunk_interval = hours(-1);
  h.retention = integer(7);
  CHECK(run(s) == "36:3: error: chunk_interval of hypertable \"book_ticker_snapshots\" must be greater than zero\n"
                  "36:3: error: retention of hypertable \"book_ticker_snapshots\" must be a length of time because "
                  "its time column \"timestamp\" is timestamptz [add a unit, e.g. retention 7 days]\n");
  Schema i = cex();
  auto& bt = tbl(i, "book_ticker_snapshots");
  bt.columns[0].type = ty("bigint");
  bt.hypertable->retention.reset();
  bt.hypertable->compression->after.reset();
  CHECK(run(i) == "36:3: error: chunk_interval of hypertable \"book_ticker_snapshots\" must be a plain integer "
                  "because its time column \"timestamp\" is bigint [write a number in the units of \"timestamp\", "
                  "e.g. chunk_interval 100000]\n");
  bt.hypertable->chunk_interval = integer(100000);
  CHECK(run(i) == "");
}

TEST_CASE("check: chunk_interval in months is 30 days - date columns need whole days") {
  Schema s = cex();
  tbl(s, "book_ticker_snapshots").hypertable->chunk_interval = months(1);
  tbl(s, "book_ticker_snapshots").hypertable->retention = months(3);
  CHECK(run(s) == "");
  Schema d = cex();
  tbl(d, "book_ticker_snapshots").columns[0].type = ty("date");
  tbl(d, "book_ticker_snapshots").hypertable->chunk_interval = hours(36);
  CHECK(run(d) == "36:3: error: chunk_interval of hypertable \"book_ticker_snapshots\" must be whole days because "
                  "its time column \"timestamp\" is a date\n");
}

TEST_CASE("check: integer time columns need a chunk_interval and no policies") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.columns[0].type = ty("bigint");
  bt.hypertable->chunk_interval.reset();
  bt.hypertable->retention = integer(1000);
  bt.hypertable->compression->after.reset();
  CHECK(run(s) == "36:3: error: hypertable \"book_ticker_snapshots\" has an integer time column, so it needs a "
                  "chunk_interval [add e.g. \"chunk_interval 100000\" in the units of the time column]\n"
                  "36:3: error: retention on hypertable \"book_ticker_snapshots\" needs an integer_now function "
                  "because its time column \"timestamp\" is an integer [add `integer_now <function>` to the "
                  "hypertable block, naming a function without arguments that returns the current value of "
                  "\"timestamp\" (bigint)]\n");
  // With an integer_now function the policies are fine.
  bt.hypertable->chunk_interval = integer(100);
  bt.hypertable->integer_now = "ticks_now";
  bt.hypertable->compression->after = integer(500);
  CHECK(run(s) == "");
}

TEST_CASE("check: integer_now is for integer time columns only") {
  Schema s = cex();
  tbl(s, "book_ticker_snapshots").hypertable->integer_now = "ticks_now";
  CHECK(run(s) == "36:3: error: integer_now of hypertable \"book_ticker_snapshots\" is for an integer time column, "
                  "but \"timestamp\" is timestamptz [remove integer_now: TimescaleDB measures the age of "
                  "timestamptz, timestamp and date chunks with now()]\n");
}

TEST_CASE("check: partition_by names an existing column other than the time column, once, partitioned as it can be") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.columns.push_back(at(col("venue", ty("text")), 32));
  bt.columns.push_back(at(col("seq", ty("bigint")), 32));
  bt.constraints[2].columns = {"timestamp", "symbol_id", "venue", "seq"};  // every partitioning column
  bt.hypertable->dimensions = {at(hash_dim("symbol_id", 4), 37, 5), at(hash_dim("symbl_id", 2), 38, 5),
                               at(hash_dim("timestamp", 2), 39, 5), at(hash_dim("symbol_id", 8), 40, 5),
                               at(hash_dim("ask_price", 0), 41, 5), at(range_dim("venue", days(1)), 42, 5),
                               at(range_dim("seq", days(1)), 43, 5), at(hash_dim("bid_price", 32768), 44, 5)};
  CHECK(run(s) ==
        "38:5: error: unknown column \"symbl_id\" in partition_by of hypertable \"book_ticker_snapshots\" [did you mean "
        "\"symbol_id\"?]\n"
        "39:5: error: hypertable \"book_ticker_snapshots\" is already partitioned by its time column \"timestamp\" "
        "[partition_by names another column; the time column's partitioning is chunk_interval]\n"
        "40:5: error: column \"symbol_id\" of hypertable \"book_ticker_snapshots\" is partitioned twice [keep one "
        "`partition_by symbol_id`]\n"
        "41:5: error: hash partitioning of \"ask_price\" in hypertable \"book_ticker_snapshots\" needs 1 to 32767 "
        "partitions, not 0 [e.g. `partition_by ask_price hash 4`]\n"
        "42:5: error: range partitioning column \"venue\" of hypertable \"book_ticker_snapshots\" is text, but it "
        "must be timestamptz, timestamp, date or an integer type [partition it by hash: `partition_by venue hash 4`]\n"
        "43:5: error: partition_by seq range of hypertable \"book_ticker_snapshots\" must be a plain integer because "
        "its column \"seq\" is bigint [write a number in the units of \"seq\", e.g. partition_by seq range 100000]\n"
        "44:5: error: hash partitioning of \"bid_price\" in hypertable \"book_ticker_snapshots\" needs 1 to 32767 "
        "partitions, not 32768 [e.g. `partition_by bid_price hash 4`]\n");
}

TEST_CASE("check: a nullable range partitioning column is made NOT NULL with a warning, a hash one stays nullable") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.columns.push_back(at(col("placed_at", ty("timestamptz"), true), 32));
  bt.columns.push_back(at(col("venue", ty("text"), true), 33));
  bt.constraints.erase(bt.constraints.begin() + 2);  // no primary key
  bt.hypertable->dimensions = {at(range_dim("placed_at", hours(6)), 37, 5), at(hash_dim("venue", 2), 38, 5)};
  CHECK(run(s) == "32:3: warning: range partitioning column \"placed_at\" of hypertable \"book_ticker_snapshots\" is "
                  "declared nullable, but TimescaleDB makes it NOT NULL [remove the \"?\"]\n");
  check(s);
  CHECK_FALSE(bt.column("placed_at")->nullable);
  CHECK(bt.column("venue")->nullable);
}

TEST_CASE("check: unique keys of a hypertable must include each partition_by column") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.columns.push_back(at(col("venue", ty("text")), 32));
  bt.hypertable->dimensions = {at(hash_dim("venue", 4), 37, 5), at(hash_dim("symbol_id", 2), 38, 5)};
  CHECK(run(s) == "33:3: error: primary key \"book_ticker_snapshots_pkey\" of hypertable \"book_ticker_snapshots\" "
                  "must include the partitioning column \"venue\" [add \"venue\" to its columns]\n");
}

TEST_CASE("check: retention shorter than the chunk interval, compression after retention") {
  Schema s = cex();
  auto& h = *tbl(s, "book_ticker_snapshots").hypertable;
  h.chunk_interval = days(1);
  h.retention = hours(12);
  h.compression->after = days(2);
  CHECK(run(s) == "36:3: warning: retention 12 hours of hypertable \"book_ticker_snapshots\" is shorter than its "
                  "chunk interval 1 day [whole chunks are dropped, so rows live up to retention + chunk interval: use "
                  "a shorter chunk_interval]\n"
                  "36:3: warning: compression after 2 days on hypertable \"book_ticker_snapshots\" is not shorter than "
                  "its retention 12 hours: chunks are dropped before they are compressed\n");
  Schema d = cex();
  tbl(d, "book_ticker_snapshots").hypertable->chunk_interval.reset();  // TimescaleDB's default is 7 days
  tbl(d, "book_ticker_snapshots").hypertable->retention = days(3);
  CHECK(run(d).find("retention 3 days of hypertable \"book_ticker_snapshots\" is shorter than its chunk interval 7 "
                    "days (the default)") != std::string::npos);
}

TEST_CASE("check: compression settings") {
  Schema s = cex();
  auto& c = *tbl(s, "book_ticker_snapshots").hypertable->compression;
  c.segment_by = {"symbl_id", "timestamp"};
  c.order_by = {{"bid_prise", false, NullsOrder::implied}};
  CHECK(run(s) == "36:3: error: unknown column \"symbl_id\" in compression segment_by of \"book_ticker_snapshots\" "
                  "[did you mean \"symbol_id\"?]\n"
                  "36:3: error: unknown column \"bid_prise\" in compression order_by of \"book_ticker_snapshots\" "
                  "[did you mean \"bid_price\"?]\n"
                  "36:3: error: the time column \"timestamp\" cannot be a compression segment_by column of "
                  "\"book_ticker_snapshots\" [segment by the columns you filter on, such as an id; the time column "
                  "belongs in order_by]\n");
  Schema b = cex();
  tbl(b, "book_ticker_snapshots").hypertable->compression->order_by.push_back({"symbol_id", false, {}});
  CHECK(run(b) == "36:3: error: column \"symbol_id\" cannot be both in segment_by and in order_by of "
                  "\"book_ticker_snapshots\"\n");
}

// ---- queries ----

TEST_CASE("check: query parameters must be declared, and declared ones used") {
  Schema s = cex();
  auto& q = tbl(s, "book_ticker_snapshots").queries[1];
  q.where = "symbol_id = :symbol_id and timestamp >= :frm";
  CHECK(run(s) == "45:3: error: unknown parameter \":frm\" in query \"window_for_symbol\" on \"book_ticker_snapshots\" "
                  "[did you mean \"from\"?]\n"
                  "45:20: warning: parameter \"from\" of query \"window_for_symbol\" on \"book_ticker_snapshots\" is "
                  "never used [use it in the where clause or the limit, or remove it]\n"
                  "45:20: warning: parameter \"to\" of query \"window_for_symbol\" on \"book_ticker_snapshots\" is "
                  "never used [use it in the where clause or the limit, or remove it]\n");
}

TEST_CASE("check: query parameter types are inferred from the columns they are compared with") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.columns.push_back(at(col("tags", ty("text", {}, 1)), 32));
  Query q = at(query("forms",
                     {at(param("a"), 47, 20), at(param("b"), 47, 20), at(param("c"), 47, 20), at(param("d"), 47, 20),
                      at(param("e"), 47, 20), at(param("f"), 47, 20), at(param("g"), 47, 20), at(param("n"), 47, 20)},
                     ":a < bid_price and ask_price between :b and :c and symbol_id in (:d, 3) and symbol_id <> any(:e) "
                     "and \"timestamp\" > :f::date and tags @> :g",
                     true),
               47);
  q.limit = ":n";
  bt.queries.push_back(q);
  CHECK(run(s) == "");
  check(s);
  auto& p = bt.queries.back().params;
  CHECK(p[0].type == ty("numeric", {20, 8}));
  CHECK(p[1].type == ty("numeric", {20, 8}));
  CHECK(p[2].type == ty("numeric", {20, 8}));
  CHECK(p[3].type == ty("int"));
  CHECK(p[4].type == ty("int", {}, 1));
  CHECK(p[5].type == ty("date"));
  CHECK(p[6].type == ty("text", {}, 1));
  CHECK(p[7].type == ty("bigint"));
}

TEST_CASE("check: serial columns give their parameters the integer type") {
  Schema s = cex();
  tbl(s, "symbols").columns[0].type = ty("serial");
  tbl(s, "symbols").columns[0].identity = Identity::none;
  tbl(s, "symbols").queries.push_back(at(query("by_id", {at(param("id"), 26, 20)}, "id = :id"), 26));
  CHECK(run(s) == "");
  check(s);
  CHECK(tbl(s, "symbols").queries[0].params[0].type == ty("int"));
}

TEST_CASE("check: a parameter whose type cannot be inferred") {
  Schema s = cex();
  tbl(s, "symbols")
      .queries.push_back(
          at(query("by_base", {at(param("base"), 26, 20), at(param("quote", ty("character varying")), 26, 20)},
                   "lower(symbol_base)::text = :base and symbol_quote = :quote", true),
             26));
  CHECK(run(s) == "26:20: error: cannot infer the type of parameter \"base\" of query \"by_base\" on \"symbols\" "
                  "[write its type: by_base(..., base text, ...), or compare it directly with a column]\n");
  check(s);
  CHECK(tbl(s, "symbols").queries[0].params[1].type == ty("varchar"));
}

TEST_CASE("check: unknown columns in queries") {
  Schema s = cex();
  auto& q = tbl(s, "book_ticker_snapshots").queries[1];
  q.where = "symbl_id = :symbol_id and timestamp >= :from and timestamp < :to";
  q.columns = {"bid_price", "ask_prise"};
  q.order_by = {{"timestamps", false, NullsOrder::implied}};
  CHECK(run(s) == "45:3: error: unknown column \"ask_prise\" in query \"window_for_symbol\" on "
                  "\"book_ticker_snapshots\" [did you mean \"ask_price\"?]\n"
                  "45:3: error: unknown column \"timestamps\" in order by of query \"window_for_symbol\" on "
                  "\"book_ticker_snapshots\" [did you mean \"timestamp\"?]\n"
                  "45:3: error: unknown column \"symbl_id\" in where of query \"window_for_symbol\" on "
                  "\"book_ticker_snapshots\" [did you mean \"symbol_id\"?]\n");
}

TEST_CASE("check: one-row queries need limit 1 or a full key") {
  Schema s = cex();
  tbl(s, "book_ticker_snapshots").queries[0].limit.clear();
  CHECK(run(s) == "42:3: warning: query \"latest_for_symbol\" on \"book_ticker_snapshots\" returns one row, but "
                  "nothing limits it to one [add \"limit 1\", or compare every primary key column with \"=\"]\n");
  Schema k2 = cex();
  k2.tables[2].queries[0] = at(query("at", {at(param("symbol_id"), 42, 20), at(param("ts"), 42, 20)},
                                     "symbol_id = :symbol_id and :ts = timestamp"),
                               42);
  CHECK(run(k2) == "");
  k2.tables[2].queries[0].where = "symbol_id = :symbol_id or :ts = timestamp";
  CHECK(run(k2).find("returns one row, but nothing limits it to one") != std::string::npos);
  Schema u = cex();  // a unique constraint fixes one row too
  tbl(u, "symbols")
      .queries.push_back(at(query("by_pair", {at(param("e"), 26, 20), at(param("b"), 26, 20), at(param("q"), 26, 20)},
                                  "exchange_id = :e and symbol_base = :b and symbol_quote = :q"),
                            26));
  CHECK(run(u) == "");
}

TEST_CASE("check: limit must be a number or an integer parameter") {
  Schema s = cex();
  auto& q = tbl(s, "book_ticker_snapshots").queries[1];
  q.limit = ":max";
  CHECK(run(s) == "45:3: error: unknown parameter \":max\" in limit of query \"window_for_symbol\" on "
                  "\"book_ticker_snapshots\" [declare it: query window_for_symbol(..., max)]\n");
  q.params.push_back(at(param("max", ty("text")), 45, 20));
  CHECK(run(s) == "45:20: error: parameter \"max\" of query \"window_for_symbol\" on \"book_ticker_snapshots\" is "
                  "used as the limit, so it must be an integer type, not text\n");
  q.limit = "ten";
  q.params.pop_back();
  CHECK(run(s) == "45:3: error: limit of query \"window_for_symbol\" on \"book_ticker_snapshots\" must be a number "
                  "or a :parameter\n");
}

TEST_CASE("check: duplicate queries and parameters") {
  Schema s = cex();
  auto& bt = tbl(s, "book_ticker_snapshots");
  bt.queries.push_back(bt.queries[0]);
  bt.queries.back().loc = dsl_loc(50);
  bt.queries[1].params.push_back(at(param("to"), 46, 20));
  std::string out = run(s);
  CHECK(out.find("46:20: error: duplicate parameter \"to\" in query \"window_for_symbol\" on "
                 "\"book_ticker_snapshots\"\n") != std::string::npos);
  CHECK(out.find("50:3: error: duplicate query \"latest_for_symbol\" on \"book_ticker_snapshots\"\n") !=
        std::string::npos);
}

TEST_CASE("check: an operator class must be a name, or schema.name") {
  auto with_opclass = [](std::string opclass) {
    Schema s = cex();
    tbl(s, "symbols").indexes[0].keys[0].opclass = std::move(opclass);
    return run(s);
  };
  CHECK(with_opclass("int4_ops") == "");
  CHECK(with_opclass("public.Int4_Ops$2") == "");
  const std::string hint =
      " [write it as a name like jsonb_path_ops, or as \"schema.name\" for one in another schema]\n";
  CHECK(with_opclass("jsonb_path_ops); DROP TABLE victim; --") ==
        "23:3: error: operator class \"jsonb_path_ops); DROP TABLE victim; --\" in index on \"symbols\" is not a "
        "name" + hint);
  // Control characters are shown escaped, so the message stays one line.
  CHECK(with_opclass("ops\nDROP") == "23:3: error: operator class \"ops\\nDROP\" in index on \"symbols\" is not a name" + hint);
  // std::string elements: a temporary's c_str() in the list would dangle before the loop body runs.
  for (const std::string& bad : {std::string("a.b.c"), std::string(".ops"), std::string("ops."), std::string("1ops"),
                                 std::string("my ops"), std::string("a\"b"), std::string(64, 'x')}) {
    INFO(bad);
    CHECK(with_opclass(bad).find("is not a name") != std::string::npos);
  }
}

TEST_CASE("check: exclusion constraints") {
  auto with_exclusion = [](Constraint c) {
    Schema s = cex();
    tbl(s, "symbols").constraints.push_back(at(std::move(c), 24));
    return run(s);
  };
  CHECK(with_exclusion(excl("", "GiST", {with_op(key("exchange_id"), "="), with_op(key("symbol_base"), "<>")})) ==
        "");
  CHECK(with_exclusion(excl("", "gist", {with_op(key("nope"), "=")})) ==
        "24:3: error: unknown column \"nope\" in exclusion constraint on \"symbols\" [the columns of \"symbols\" are: "
        "id, exchange_id, symbol_base, symbol_quote, tick_size, is_active]\n");
  CHECK(with_exclusion(excl("", "gin", {with_op(key("id"), "=")})) ==
        "24:3: error: exclusion constraint on \"symbols\" uses gin, which cannot back an exclusion constraint [use "
        "gist (with btree_gist for scalar columns), btree or hash]\n");
  CHECK(with_exclusion(excl("", "gits", {with_op(key("id"), "=")})) ==
        "24:3: error: unknown index method \"gits\" in exclusion constraint on \"symbols\"\n");
  CHECK(with_exclusion(excl("", "gist", {with_op(key("id"), "=); DROP TABLE t; --")})) ==
        "24:3: error: \"=); DROP TABLE t; --\" in exclusion constraint on \"symbols\" is not an operator [write the "
        "operator the key is compared with, such as = or &&]\n");
  Constraint e = excl("", "gist", {with_op(expr_key("lower(nope)"), "=")});
  e.where = "missing > 0";
  CHECK(with_exclusion(e).find("exclusion constraint on \"symbols\"") != std::string::npos);
  // Checked, the method is lower case: the plan writes what the catalog shows.
  Schema s = cex();
  tbl(s, "symbols").constraints.push_back(excl("", "GIST", {with_op(key("id"), "=")}));
  check(s);
  CHECK(tbl(s, "symbols").constraints.back().method == "gist");
  CHECK(tbl(s, "symbols").constraints.back().name == "symbols_id_excl");
}

// diff: order of changes, foreign keys and cycles, renames, determinism, quoting, refusal of destructive changes.
#include <doctest/doctest.h>

#include <algorithm>

#include "plan/diff.hpp"
#include "plan_builders.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {
Table child(std::string name, std::string parent) {
  Table t = simple(name, {col(parent + "_id", ty("int"))});
  t.constraints.push_back(fk(name + "_" + parent + "_id_fkey", {parent + "_id"}, parent));
  return t;
}
}  // namespace

TEST_CASE("diff: a foreign key to a table created in the same plan comes after both tables") {
  Plan p = diff({}, schema_of({child("symbols", "exchanges"), simple("exchanges")}));
  CHECK(kinds(p) == std::vector<std::string>{"create_table", "create_table", "add_constraint"});
  CHECK(descriptions(p) == std::vector<std::string>{"create table public.exchanges", "create table public.symbols",
                                                    "add foreign key symbols_exchanges_id_fkey on public.symbols"});
  CHECK(p.changes[2].up == std::vector<std::string>{
                               "ALTER TABLE public.symbols ADD CONSTRAINT symbols_exchanges_id_fkey FOREIGN KEY "
                               "(exchanges_id) REFERENCES public.exchanges (id);"});
  // Against an existing target the key is written inside CREATE TABLE.
  Plan q = diff(schema_of({simple("exchanges")}), schema_of({simple("exchanges"), child("symbols", "exchanges")}));
  REQUIRE(q.changes.size() == 1);
  CHECK(q.changes[0].up[0] ==
        "CREATE TABLE public.symbols (\n  id int NOT NULL,\n  exchanges_id int NOT NULL,\n"
        "  CONSTRAINT symbols_pkey PRIMARY KEY (id),\n"
        "  CONSTRAINT symbols_exchanges_id_fkey FOREIGN KEY (exchanges_id) REFERENCES public.exchanges (id)\n);");
}

TEST_CASE("diff: foreign-key cycles: all tables, then all keys - dropping reverses it") {
  Schema s = schema_of({child("a", "b"), child("b", "a")});
  Plan p = diff({}, s);
  CHECK(kinds(p) == std::vector<std::string>{"create_table", "create_table", "add_constraint", "add_constraint"});
  Plan r = diff(s, {}, allow());
  CHECK(kinds(r) == std::vector<std::string>{"drop_constraint", "drop_constraint", "drop_table", "drop_table"});
  CHECK(descriptions(r) == std::vector<std::string>{"drop foreign key b_a_id_fkey on public.b",
                                                    "drop foreign key a_b_id_fkey on public.a", "drop table public.b",
                                                    "drop table public.a"});
  // DOWN of the drop is the creation, in creation order.
  CHECK(plan_down_sql(r).find("create table") == std::string::npos);
  auto down = plan_down_sql(r);
  CHECK(down.find("CREATE TABLE public.a") < down.find("CREATE TABLE public.b"));
  CHECK(down.find("CREATE TABLE public.b") < down.find("ADD CONSTRAINT a_b_id_fkey"));
}

TEST_CASE("diff: dropping a table drops the inbound keys of surviving tables first") {
  Table symbols = simple("symbols", {col("exchanges_id", ty("int"), true)});
  Schema a = schema_of({simple("exchanges"), child("symbols", "exchanges")});
  Schema b = schema_of({symbols});
  Plan p = diff(a, b, allow());
  CHECK(kinds(p) == std::vector<std::string>{"drop_constraint", "drop_table", "alter_nullability"});
  CHECK(p.changes[0].up == std::vector<std::string>{"ALTER TABLE public.symbols DROP CONSTRAINT symbols_exchanges_id_fkey;"});
  // The rows of exchanges are gone after UP, so DOWN cannot expect the old symbols rows to find theirs: the key
  // comes back NOT VALID, without the VALIDATE that would fail, and the DOWN script says so.
  CHECK(p.changes[0].down == std::vector<std::string>{
                                 "ALTER TABLE public.symbols ADD CONSTRAINT symbols_exchanges_id_fkey FOREIGN KEY "
                                 "(exchanges_id) REFERENCES public.exchanges (id) NOT VALID;"});
  CHECK(p.changes[0].down_note.starts_with(
      "the rows of public.exchanges are gone: symbols_exchanges_id_fkey comes back NOT VALID"));
}

TEST_CASE("diff: a check on a dropped NOT NULL column comes back NOT VALID in DOWN, as its rows are filled") {
  Column qty = col("qty", ty("int"));
  Constraint positive;
  positive.kind = Constraint::Kind::check;
  positive.name = "t_qty_check";
  positive.columns = {"qty"};
  positive.check_expr = "qty > 0";
  Table with = simple("t", {qty});
  with.constraints.push_back(positive);
  Plan p = diff(schema_of({with}), schema_of({simple("t")}), allow());
  REQUIRE(kinds(p) == std::vector<std::string>{"drop_constraint", "drop_column"});
  CHECK(p.changes[0].down ==
        std::vector<std::string>{"ALTER TABLE public.t ADD CONSTRAINT t_qty_check CHECK (qty > 0) NOT VALID;"});
  CHECK(p.changes[0].down_note.starts_with("the values of public.t.qty are gone"));
  // A nullable column comes back NULL, which every check passes: validated as usual.
  with.columns.back().nullable = true;
  Plan q = diff(schema_of({with}), schema_of({simple("t")}), allow());
  REQUIRE(kinds(q) == std::vector<std::string>{"validate_constraint", "drop_constraint", "drop_column"});
  CHECK(q.changes[0].down == std::vector<std::string>{"ALTER TABLE public.t VALIDATE CONSTRAINT t_qty_check;"});
  CHECK(q.changes[1].down.size() == 1);
  CHECK(q.changes[1].down_note.empty());
  // Renamed in the same plan: the VALIDATE to run after DOWN names the table as DOWN leaves it.
  with.columns.back().nullable = false;
  Table renamed = simple("u");
  renamed.renamed_from = {"t"};
  Plan r = diff(schema_of({with}), schema_of({renamed}), allow());
  auto dropped = std::find_if(r.changes.begin(), r.changes.end(), [](auto& c) { return !c.down_note.empty(); });
  REQUIRE(dropped != r.changes.end());
  CHECK(dropped->down_note.ends_with("ALTER TABLE public.t VALIDATE CONSTRAINT t_qty_check"));
}

TEST_CASE("diff: phases: schema, extension, enum, table, column, index, comment - drops of types last") {
  Schema a = schema_of({simple("t")});
  Schema b = a;
  b.namespaces.emplace_back().name = "s";
  b.extensions.emplace_back().name = "pgcrypto";
  b.enums.push_back(enum_of("s", "e", {"x"}));
  b.tables.push_back(table("s", "u", {col("e", enum_ty("s", "e"))}));
  b.tables[0].columns.push_back(col("v", ty("text"), true));
  b.tables[0].indexes.push_back(idx("t_v_idx", {key("v")}));
  b.tables[0].comment = "T";
  Plan p = diff(a, b);
  CHECK(kinds(p) == std::vector<std::string>{"create_schema", "create_extension", "create_enum", "create_table",
                                             "add_column", "create_index", "comment"});
  Plan r = diff(b, a, allow());
  CHECK(kinds(r) == std::vector<std::string>{"drop_index", "drop_table", "drop_column", "comment", "drop_enum",
                                             "drop_extension", "drop_schema"});
}

TEST_CASE("diff: renames from @renamed_from, then the renamed object's contents") {
  Table old_t = simple("trades", {col("qty", ty("int"))});
  Table new_t = simple("fills", {col("quantity", ty("bigint"))});
  new_t.renamed_from = {"trades"};
  new_t.columns[1].renamed_from = {"qty"};
  Enum old_e = enum_of("public", "side", {"buy"});
  Enum new_e = enum_of("public", "direction", {"buy"});
  new_e.renamed_from = {"side"};
  Plan p = diff(schema_of({old_t}, {old_e}), schema_of({new_t}, {new_e}));
  CHECK(descriptions(p) == std::vector<std::string>{
                               "rename enum public.side to direction", "rename table public.trades to fills",
                               "rename column public.fills.qty to quantity",
                               "rename constraint trades_pkey on public.fills to fills_pkey",
                               "change type of public.fills.quantity from int to bigint"});
  CHECK(p.changes[1].up == std::vector<std::string>{"ALTER TABLE public.trades RENAME TO fills;"});
  CHECK(p.changes[1].down == std::vector<std::string>{"ALTER TABLE public.fills RENAME TO trades;"});
  CHECK(p.changes[2].up == std::vector<std::string>{"ALTER TABLE public.fills RENAME COLUMN qty TO quantity;"});
  CHECK(p.changes[0].up == std::vector<std::string>{"ALTER TYPE public.side RENAME TO direction;"});
  // The primary key's name came from the old table name: it follows by a rename (diff_rename_test.cpp).
  CHECK(p.changes[3].up == std::vector<std::string>{"ALTER TABLE public.fills RENAME CONSTRAINT trades_pkey TO fills_pkey;"});
  // A table that exists under the new name is not renamed.
  Plan both = diff(schema_of({old_t, simple("fills")}), schema_of({new_t}), allow());
  CHECK(kinds(both).front() != "rename_table");
}

TEST_CASE("diff: deterministic, whatever the order of the input vectors") {
  Schema a = schema_of({simple("b"), child("c", "b"), simple("a")},
                       {enum_of("public", "y", {"1"}), enum_of("public", "x", {"1"})});
  Schema b = a;
  std::reverse(b.tables.begin(), b.tables.end());
  std::reverse(b.enums.begin(), b.enums.end());
  Plan p1 = diff({}, a), p2 = diff({}, a), p3 = diff({}, b);
  CHECK(plan_up_sql(p1) == plan_up_sql(p2));
  CHECK(plan_up_sql(p1) == plan_up_sql(p3));
  CHECK(plan_down_sql(p1) == plan_down_sql(p3));
  CHECK(descriptions(p1) == std::vector<std::string>{"create enum public.x", "create enum public.y",
                                                     "create table public.a", "create table public.b",
                                                     "create table public.c",
                                                     "add foreign key c_b_id_fkey on public.c"});
}

TEST_CASE("diff: hostile names are quoted in every statement") {
  Table t = table("Mixed Case", "a\"b", {col("select", ty("int")), col("Price", ty("int"), true)},
                  {pk("a\"b_pkey", {"select"})}, {idx("Weird Index", {key("Price")})});
  t.comment = "it's";
  Schema s;
  s.namespaces.emplace_back().name = "Mixed Case";
  s.tables.push_back(t);
  Plan p = diff({}, s);
  CHECK(changes_only(plan_up_sql(p)) ==
        "-- create schema \"Mixed Case\"\n"
        "CREATE SCHEMA \"Mixed Case\";\n"
        "\n"
        "-- create table \"Mixed Case\".\"a\"\"b\"\n"
        "CREATE TABLE \"Mixed Case\".\"a\"\"b\" (\n"
        "  \"select\" int NOT NULL,\n"
        "  \"Price\" int,\n"
        "  CONSTRAINT \"a\"\"b_pkey\" PRIMARY KEY (\"select\")\n"
        ");\n"
        "CREATE INDEX \"Weird Index\" ON \"Mixed Case\".\"a\"\"b\" (\"Price\");\n"
        "COMMENT ON TABLE \"Mixed Case\".\"a\"\"b\" IS 'it''s';\n");
  CHECK(changes_only(plan_down_sql(p)) ==
        "-- undo: create table \"Mixed Case\".\"a\"\"b\"\n"
        "DROP TABLE \"Mixed Case\".\"a\"\"b\";\n"
        "\n"
        "-- undo: create schema \"Mixed Case\"\n"
        "DROP SCHEMA \"Mixed Case\";\n");
  Schema s2 = s;
  s2.tables[0].columns[1].type = ty("bigint");
  Plan q = diff(s, s2);
  REQUIRE(q.changes.size() == 1);
  CHECK(q.changes[0].up[0] == "ALTER TABLE \"Mixed Case\".\"a\"\"b\" ALTER COLUMN \"Price\" TYPE bigint;");
  CHECK(q.changes[0].down[0].find("LOCK TABLE \"Mixed Case\".\"a\"\"b\" IN ACCESS EXCLUSIVE MODE;") !=
        std::string::npos);
}

TEST_CASE("diff: destructive changes are refused without the flag, listed one per line") {
  Schema a = schema_of({simple("gone"), simple("t", {col("x", ty("bigint")), col("y", ty("int"))})});
  Schema b = schema_of({simple("t", {col("x", ty("int"))})});
  Plan p = diff(a, b);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(has_errors(p.diagnostics));
  // bigint -> int is guarded instead (it fails rather than lose a value): not listed.
  CHECK(p.diagnostics[0].message ==
        "the plan has 2 destructive changes that can lose data:\n"
        "  - drop table public.gone\n"
        "  - drop column public.t.y");
  CHECK(p.diagnostics[0].hint == "review them, then re-run with --allow-destructive");
  CHECK(p.changes.size() == 3);
  Plan ok = diff(a, b, allow());
  CHECK(ok.diagnostics.empty());
  CHECK(plan_up_sql(ok) == plan_up_sql(p));
}

TEST_CASE("diff: constraints and indexes on existing tables use the lock-aware forms") {
  Schema a = schema_of({simple("p"), simple("c", {col("p_id", ty("int"))})});
  Schema b = schema_of({simple("p"), child("c", "p")});
  b.tables[1].columns[1].name = "p_id";
  b.tables[1].constraints[1].columns = {"p_id"};
  b.tables[1].constraints[1].name = "c_p_id_fkey";
  Plan p = diff(a, b);
  REQUIRE(kinds(p) == std::vector<std::string>{"add_constraint", "validate_constraint"});
  CHECK(p.changes[0].up == std::vector<std::string>{
                               "ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES "
                               "public.p (id) NOT VALID;"});
  CHECK(p.changes[0].lock == Lock::share_row_exclusive);
  CHECK(p.changes[1].up == std::vector<std::string>{"ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;"});
  CHECK(p.changes[1].lock == Lock::share_update_exclusive);
  // A changed index definition under the same name: drop, then create.
  Schema x = schema_of({simple("t", {col("v", ty("int"))})});
  x.tables[0].indexes.push_back(idx("t_v_idx", {key("v")}));
  Schema y = x;
  y.tables[0].indexes[0].keys[0].desc = true;
  Plan q = diff(x, y, allow());
  CHECK(kinds(q) == std::vector<std::string>{"drop_index", "create_index"});
  CHECK_FALSE(q.changes[0].destructive);
  DiffOptions plain = allow();
  plain.concurrent_indexes = false;
  Plan q2 = diff(x, y, plain);
  CHECK(q2.changes[1].up[0] == "CREATE INDEX t_v_idx ON public.t (v DESC);");
  CHECK(q2.changes[1].transactional);
}

TEST_CASE("diff: whole scripts put statements that must run outside a transaction in sections of their own") {
  Schema a = schema_of({simple("t", {col("v", ty("int")), col("w", ty("int"))})});
  Schema b = a;
  b.tables[0].indexes.push_back(idx("t_v_idx", {key("v")}));
  b.tables[0].column("w")->nullable = true;
  Plan p = diff(a, b);
  auto body = [](const std::string& script) { return script.substr(script.find("\n\n") + 2); };  // past the note
  CHECK(body(plan_up_sql(p)) ==
        "-- schemac:section 1 transactional\n"
        "BEGIN;\n"
        "\n"
        "-- make public.t.w nullable\n"
        "ALTER TABLE public.t ALTER COLUMN w DROP NOT NULL;\n"
        "\n"
        "COMMIT;\n"
        "\n"
        "-- schemac:section 2 no-transaction\n"
        "-- create index t_v_idx on public.t\n"
        "CREATE INDEX CONCURRENTLY t_v_idx ON public.t (v);\n");
  CHECK(body(plan_down_sql(p)) ==
        "-- schemac:section 1 no-transaction\n"
        "-- undo: create index t_v_idx on public.t\n"
        "DROP INDEX CONCURRENTLY public.t_v_idx;\n"
        "\n"
        "-- schemac:section 2 transactional\n"
        "BEGIN;\n"
        "\n"
        "-- undo: make public.t.w nullable\n"
        "ALTER TABLE public.t ALTER COLUMN w SET NOT NULL;\n"
        "\n"
        "COMMIT;\n");
}

// diff: constraints and indexes whose default name follows a renamed table or column are renamed, never rebuilt.
#include <doctest/doctest.h>

#include <algorithm>

#include "plan/diff.hpp"
#include "plan_builders.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

// public.t (id int primary key, <c> int unique check (<c> > 0)) with an index on (<c>) and one on (<c>, id),
// every name PostgreSQL's default for column <c>.
Table with_column(const std::string& c) {
  return table("public", "t", {col("id", ty("int")), col(c, ty("int"))},
               {pk("t_pkey", {"id"}), uq("t_" + c + "_key", {c}), chk("t_" + c + "_check", c + " > 0")},
               {idx("t_" + c + "_idx", {key(c)}), idx("t_" + c + "_id_idx", {key(c), key("id")})});
}

Table renamed_column(const std::string& from, const std::string& to) {
  Table t = with_column(to);
  t.columns[1].renamed_from = {from};
  return t;
}

bool any_kind(const Plan& p, const std::string& kind) {
  auto k = kinds(p);
  return std::find(k.begin(), k.end(), kind) != k.end();
}

}  // namespace

TEST_CASE("diff: a column rename renames the constraints and indexes named after it, UP and DOWN") {
  Plan p = diff(schema_of({with_column("a")}), schema_of({renamed_column("a", "b")}));
  CHECK(p.diagnostics.empty());
  CHECK(descriptions(p) == std::vector<std::string>{
                               "rename column public.t.a to b",
                               "rename constraint t_a_check on public.t to t_b_check",
                               "rename constraint t_a_key on public.t to t_b_key",
                               "rename index public.t_a_id_idx to t_b_id_idx",
                               "rename index public.t_a_idx to t_b_idx"});
  CHECK(p.changes[2].up == std::vector<std::string>{"ALTER TABLE public.t RENAME CONSTRAINT t_a_key TO t_b_key;"});
  CHECK(p.changes[2].down == std::vector<std::string>{"ALTER TABLE public.t RENAME CONSTRAINT t_b_key TO t_a_key;"});
  CHECK(p.changes[2].note == "renames its index too; nothing is rebuilt");
  CHECK(p.changes[1].note.empty());  // a check has no index
  CHECK(p.changes[4].up == std::vector<std::string>{"ALTER INDEX public.t_a_idx RENAME TO t_b_idx;"});
  CHECK(p.changes[4].down == std::vector<std::string>{"ALTER INDEX public.t_b_idx RENAME TO t_a_idx;"});
  CHECK(p.changes[4].lock == Lock::share_update_exclusive);
  CHECK(std::all_of(p.changes.begin(), p.changes.end(), [](auto& c) { return c.transactional && !c.destructive; }));
  // DOWN renames the objects back while the column still has its new name, then the column.
  CHECK(plan_down_sql(p).find("RENAME CONSTRAINT t_b_check TO t_a_check") < plan_down_sql(p).find("RENAME COLUMN b TO a"));
}

TEST_CASE("diff: a table rename renames its primary key; foreign keys to it stay in place") {
  Table parent = simple("trades");
  Table child = simple("fills", {col("trade_id", ty("int"))});
  child.constraints.push_back(fk("fills_trade_id_fkey", {"trade_id"}, "trades"));
  Table new_parent = simple("orders");
  new_parent.renamed_from = {"trades"};
  Table new_child = child;
  new_child.constraints[1].ref_table = "orders";
  Plan p = diff(schema_of({parent, child}), schema_of({new_parent, new_child}));
  CHECK(p.diagnostics.empty());
  CHECK(descriptions(p) == std::vector<std::string>{"rename table public.trades to orders",
                                                    "rename constraint trades_pkey on public.orders to orders_pkey"});
  CHECK(p.changes[1].up ==
        std::vector<std::string>{"ALTER TABLE public.orders RENAME CONSTRAINT trades_pkey TO orders_pkey;"});
  // UP renames the table first, DOWN renames the constraint back first: both name the table by its new name.
  CHECK(p.changes[1].down ==
        std::vector<std::string>{"ALTER TABLE public.orders RENAME CONSTRAINT orders_pkey TO trades_pkey;"});
}

TEST_CASE("diff: a renamed object whose definition changed too is dropped and created, as before") {
  Table after = renamed_column("a", "b");
  after.indexes[1].keys[1].desc = true;  // t_b_id_idx on (b, id DESC): another index
  after.constraints[2].check_expr = "b > 1";
  Plan p = diff(schema_of({with_column("a")}), schema_of({after}));
  auto d = descriptions(p);
  CHECK(std::count(d.begin(), d.end(), "rename index public.t_a_idx to t_b_idx") == 1);
  CHECK(std::count(d.begin(), d.end(), "drop index t_a_id_idx on public.t") == 1);
  CHECK(std::count(d.begin(), d.end(), "create index t_b_id_idx on public.t") == 1);
  CHECK(std::count(d.begin(), d.end(), "drop constraint t_a_check on public.t") == 1);
  CHECK(std::count(d.begin(), d.end(), "add constraint t_b_check on public.t") == 1);
  CHECK(std::count(d.begin(), d.end(), "rename constraint t_a_key on public.t to t_b_key") == 1);
}

TEST_CASE("diff: a derived name that another relation still holds is not renamed onto it") {
  // t_b_idx exists (on id) and is dropped by the same plan: renaming t_a_idx onto it would fail.
  Table before = with_column("a");
  before.indexes.push_back(idx("t_b_idx", {key("id")}));
  Plan p = diff(schema_of({before}), schema_of({renamed_column("a", "b")}));
  auto d = descriptions(p);
  CHECK(std::count(d.begin(), d.end(), "rename index public.t_a_id_idx to t_b_id_idx") == 1);
  CHECK(std::count(d.begin(), d.end(), "drop index t_a_idx on public.t") == 1);
  CHECK(std::count(d.begin(), d.end(), "drop index t_b_idx on public.t") == 1);
  CHECK(std::count(d.begin(), d.end(), "create index t_b_idx on public.t") == 1);
  // A table of that name in the schema blocks the rename of a unique constraint (its index) the same way.
  Table other = simple("t_b_key");
  Plan q = diff(schema_of({with_column("a"), other}), schema_of({renamed_column("a", "b")}), allow());
  auto dq = descriptions(q);
  CHECK(std::count(dq.begin(), dq.end(), "rename constraint t_a_key on public.t to t_b_key") == 0);
  CHECK(std::count(dq.begin(), dq.end(), "add constraint t_b_key on public.t") == 1);
}

TEST_CASE("diff: a rename never pairs objects of tables it did not touch") {
  // Without a rename an index that only changed its name is dropped and created: nothing says it is the same.
  Table a = with_column("a");
  Table b = a;
  b.indexes[0].name = "t_a_idx2";
  Plan p = diff(schema_of({a}), schema_of({b}));
  CHECK_FALSE(any_kind(p, "rename_index"));
  CHECK(any_kind(p, "drop_index"));
}

TEST_CASE("diff: create_hypertable's own time index follows the renamed table and time column") {
  auto ht = [](std::string name, std::string time, bool with_index) {
    Table t = table("public", name, {col(time, ty("timestamptz")), col("v", ty("int"))});
    t.hypertable.emplace().time_column = time;
    if (with_index) t.indexes.push_back(idx(name + "_" + time + "_idx", {key(time, true)}));
    return t;
  };
  Table after = ht("ticks", "at", false);
  after.renamed_from = {"quotes"};
  after.columns[0].renamed_from = {"ts"};
  Plan p = diff(schema_of({ht("quotes", "ts", true)}), schema_of({after}));
  CHECK(p.diagnostics.empty());
  CHECK(descriptions(p) == std::vector<std::string>{"rename table public.quotes to ticks",
                                                    "rename column public.ticks.ts to at",
                                                    "rename index public.quotes_ts_idx to ticks_at_idx"});
}

// Typed changes: every change names its target and carries the model values before and after it, so that
// reports and later stages read facts instead of SQL.
#include <doctest/doctest.h>

#include "plan/change.hpp"
#include "plan/diff.hpp"
#include "plan_builders.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

const Change& only(const Plan& p, Change::Kind kind) {
  const Change* found = nullptr;
  for (auto& c : p.changes)
    if (c.kind == kind) {
      REQUIRE_MESSAGE(!found, "two changes of kind " << kind_name(kind));
      found = &c;
    }
  REQUIRE_MESSAGE(found, "no change of kind " << kind_name(kind));
  return *found;
}

// A reference into a temporary plan would dangle.
const Change& only(Plan&&, Change::Kind) = delete;

template <class T>
const T& fact(const Fact& f) {
  REQUIRE(std::holds_alternative<T>(f));
  return std::get<T>(f);
}

}  // namespace

TEST_CASE("change: a type change carries the column before and after, its target unquoted") {
  Plan p = diff(schema_of({simple("t", {col("price", ty("numeric", {10, 2}))})}),
                schema_of({simple("t", {col("price", ty("numeric", {20, 8}))})}));
  const Change& c = only(p, Change::Kind::alter_column_type);
  CHECK(c.target == Target{Target::Kind::column, "public", "t", "price"});
  CHECK(fact<Column>(c.from).type == ty("numeric", {10, 2}));
  CHECK(fact<Column>(c.to).type == ty("numeric", {20, 8}));
  CHECK(c.object() == "public.t.price");
}

TEST_CASE("change: column changes are steps; each one's facts are the column before and after that step") {
  Column before = col("qty", ty("int"), /*nullable=*/true);
  Column after = with_default(col("qty", ty("bigint")), "0");
  Plan p = diff(schema_of({simple("t", {before})}), schema_of({simple("t", {after})}));
  REQUIRE(kinds(p) == std::vector<std::string>{"alter_column_type", "alter_nullability"});
  const Column& typed = fact<Column>(p.changes[0].to);
  CHECK(typed.type == ty("bigint"));
  CHECK(typed.nullable);  // nullability is the next step's
  CHECK(fact<Column>(p.changes[1].from) == typed);
  CHECK(fact<Column>(p.changes[1].to) == after);
}

TEST_CASE("change: a rename carries the old and the new name; its target is the object under its new name") {
  Table t = simple("fills");
  t.renamed_from = {"trades"};
  Plan p = diff(schema_of({simple("trades")}), schema_of({t}));
  const Change& c = only(p, Change::Kind::rename_table);
  CHECK(fact<std::string>(c.from) == "trades");
  CHECK(fact<std::string>(c.to) == "fills");
  CHECK(c.target == Target::of_table(t));
  const Change& k = only(p, Change::Kind::rename_constraint);
  CHECK(fact<std::string>(k.from) == "trades_pkey");
  CHECK(fact<std::string>(k.to) == "fills_pkey");
  CHECK(k.target == Target{Target::Kind::constraint, "public", "fills", "fills_pkey"});
}

TEST_CASE("change: a dropped table carries the whole table before and nothing after; its creation the reverse") {
  Table t = simple("t", {col("note", ty("text"), true)});
  Plan dropped = diff(schema_of({t}), schema_of({}), allow());
  const Change& c = only(dropped, Change::Kind::drop_table);
  CHECK(fact<Table>(c.from) == t);
  CHECK(std::holds_alternative<std::monostate>(c.to));
  Plan created = diff(schema_of({}), schema_of({t}));
  const Change& n = only(created, Change::Kind::create_table);
  CHECK(std::holds_alternative<std::monostate>(n.from));
  CHECK(fact<Table>(n.to) == t);
}

TEST_CASE("change: index, constraint, comment and hypertable facts") {
  Table f = simple("t", {col("ts", ty("timestamptz"))});
  Table t = f;
  t.indexes.push_back(idx("t_ts_idx", {key("ts", true)}));
  t.constraints.push_back(chk("t_id_check", "id > 0"));
  t.comment = "trades";
  t.hypertable = hyper("ts");
  t.hypertable->retention = days(30);
  f.hypertable = hyper("ts");
  Plan p = diff(schema_of({f}), schema_of({t}));
  CHECK(fact<Index>(only(p, Change::Kind::create_index).to).name == "t_ts_idx");
  CHECK(only(p, Change::Kind::create_index).target == Target::of_index(t, "t_ts_idx"));
  CHECK(fact<Constraint>(only(p, Change::Kind::add_constraint).to).check_expr == "id > 0");
  const Change& comment = only(p, Change::Kind::comment);
  CHECK(comment.target == Target::of_table(t));
  CHECK(fact<std::string>(comment.from).empty());
  CHECK(fact<std::string>(comment.to) == "trades");
  CHECK(fact<Span>(only(p, Change::Kind::add_retention).to) == days(30));
}

TEST_CASE("change: a chunk interval change carries TimescaleDB's default where none was declared") {
  Table f = simple("t", {col("ts", ty("timestamptz"))});
  f.hypertable = hyper("ts");
  Table t = f;
  t.hypertable->chunk_interval = days(1);
  Plan p = diff(schema_of({f}), schema_of({t}));  // kept: `only` returns a reference into it
  const Change& c = only(p, Change::Kind::set_chunk_interval);
  CHECK(fact<Span>(c.from) == days(7));
  CHECK(fact<Span>(c.to) == days(1));
}

TEST_CASE("change: inverse swaps the facts with the statements") {
  Change c;
  c.kind = Change::Kind::add_column;
  c.from = std::monostate{};
  c.to = col("a", ty("int"));
  c.up = {"ADD"};
  c.down = {"DROP"};
  Change r = inverse(c, Change::Kind::drop_column, "drop");
  CHECK(fact<Column>(r.from).name == "a");
  CHECK(std::holds_alternative<std::monostate>(r.to));
  CHECK(r.up == std::vector<std::string>{"DROP"});
  CHECK(r.down == std::vector<std::string>{"ADD"});
}

TEST_CASE("change: quoted targets") {
  Table t = table("Sales", "Order Items", {});
  CHECK(Target::of_schema("Sales").quoted() == "\"Sales\"");
  CHECK(Target::of_table(t).quoted() == "\"Sales\".\"Order Items\"");
  CHECK(Target::of_column(t, "qty").quoted() == "\"Sales\".\"Order Items\".qty");
  CHECK(Target::of_index(t, "ix").quoted() == "\"Sales\".ix");
  CHECK(Target::of_extension("pg_cron").quoted() == "pg_cron");
  CHECK(std::string(target_kind_name(Target::Kind::enum_type)) == "enum");
}

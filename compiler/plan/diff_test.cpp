// diff: one table-driven case per change kind, checked in both directions (A->B and B->A), with flags.
#include "plan/diff.hpp"

#include <doctest/doctest.h>

#include "plan_builders.hpp"
#include "model/types.hpp"
#include "sql/render.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

struct Case {
  const char* name;
  Schema a, b;
  std::string kind;  // A -> B
  std::vector<std::string> up, down;
  bool destructive = false;
  bool transactional = true;
  Lock lock = Lock::none;
  bool rewrites = false;
  std::string reverse_kind;  // B -> A; its UP/DOWN must be this case's DOWN/UP
  bool reverse_destructive = false;
  std::vector<std::string> reverse_down = {};  // when the reverse's DOWN is not this case's UP
};

Schema with_table(Table t) { return schema_of({std::move(t)}); }

Table t_with(std::vector<Column> extra, std::vector<Constraint> cons = {}, std::vector<Index> ixs = {}) {
  Table t = simple("t", std::move(extra));
  for (auto& c : cons) t.constraints.push_back(c);
  t.indexes = std::move(ixs);
  return t;
}

Column ident(Column c, Identity i) {
  c.identity = i;
  return c;
}

Column generated(Column c, std::string expr) {
  c.generated_expr = std::move(expr);
  return c;
}

Column commented(Column c, std::string text) {
  c.comment = std::move(text);
  return c;
}

// The guard a type change of column `column` of public.t runs first (its text: the test below).
std::string guard(const Type& from, const Type& to, const std::string& column = "n") {
  return type_change_guard_sql(simple("t"), column, from, to);
}

std::vector<Case> cases() {
  Column price = col("price", ty("numeric", {20, 8}));
  Schema base = with_table(simple("t"));
  Schema ns;
  ns.namespaces.emplace_back().name = "Trading";
  Schema ext;
  ext.extensions.emplace_back().name = "timescaledb";
  Schema e1 = schema_of({}, {enum_of("public", "side", {"buy", "sell"})});
  Schema e2 = schema_of({}, {enum_of("public", "side", {"buy", "sell", "hold"})});
  Schema e3 = schema_of({}, {enum_of("public", "side", {"sell", "buy"})});
  Table commented_t = simple("t");
  commented_t.comment = "it's a table";
  Constraint ck = chk("t_price_check", "price > 0");
  Index ix = idx("t_price_idx", {key("price", true)});
  return {
      {"schema", {}, ns, "create_schema", {"CREATE SCHEMA \"Trading\";"}, {"DROP SCHEMA \"Trading\";"}, false, true,
       Lock::none, false, "drop_schema", true},
      {"enum", {}, e1, "create_enum", {"CREATE TYPE public.side AS ENUM ('buy', 'sell');"}, {"DROP TYPE public.side;"},
       false, true, Lock::none, false, "drop_enum", false},
      {"enum reorder", e1, e3, "recreate_enum",
       {"ALTER TYPE public.side RENAME TO side_schemac_old;", "CREATE TYPE public.side AS ENUM ('sell', 'buy');",
        "DROP TYPE public.side_schemac_old;"},
       {"ALTER TYPE public.side RENAME TO side_schemac_old;", "CREATE TYPE public.side AS ENUM ('buy', 'sell');",
        "DROP TYPE public.side_schemac_old;"},
       false, true, Lock::none, false, "recreate_enum", false},
      {"table", {}, base, "create_table",
       {"CREATE TABLE public.t (\n  id int NOT NULL,\n  CONSTRAINT t_pkey PRIMARY KEY (id)\n);"},
       {"DROP TABLE public.t;"}, false, true, Lock::none, false, "drop_table", true},
      {"column", base, with_table(t_with({price})), "add_column",
       {"ALTER TABLE public.t ADD COLUMN price numeric(20,8) NOT NULL;"}, {"ALTER TABLE public.t DROP COLUMN price;"},
       false, true, Lock::access_exclusive, false, "drop_column", true,
       {"ALTER TABLE public.t ADD COLUMN price numeric(20,8) DEFAULT '0' NOT NULL;",
        "ALTER TABLE public.t ALTER COLUMN price DROP DEFAULT;"}},
      {"column with volatile default", base,
       with_table(t_with({with_default(col("uid", ty("uuid")), "gen_random_uuid()")})), "add_column",
       {"ALTER TABLE public.t ADD COLUMN uid uuid DEFAULT gen_random_uuid() NOT NULL;"},
       {"ALTER TABLE public.t DROP COLUMN uid;"}, false, true, Lock::access_exclusive, true, "drop_column", true},
      {"widening type", with_table(t_with({col("n", ty("int"))})), with_table(t_with({col("n", ty("bigint"))})),
       "alter_column_type", {"ALTER TABLE public.t ALTER COLUMN n TYPE bigint;"},
       {guard(ty("bigint"), ty("int")), "ALTER TABLE public.t ALTER COLUMN n TYPE int;"}, false, true,
       Lock::access_exclusive, true, "alter_column_type", false},
      {"varchar longer, no rewrite", with_table(t_with({col("s", ty("varchar", {20}))})),
       with_table(t_with({col("s", ty("varchar", {50}))})), "alter_column_type",
       {"ALTER TABLE public.t ALTER COLUMN s TYPE varchar(50);"},
       {guard(ty("varchar", {50}), ty("varchar", {20}), "s"), "ALTER TABLE public.t ALTER COLUMN s TYPE varchar(20);"},
       false, true, Lock::access_exclusive, false, "alter_column_type", false},
      {"type with defaults", with_table(t_with({with_default(col("n", ty("int")), "0")})),
       with_table(t_with({with_default(col("n", ty("text")), "'0'")})), "alter_column_type",
       {"ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;", "ALTER TABLE public.t ALTER COLUMN n TYPE text;",
        "ALTER TABLE public.t ALTER COLUMN n SET DEFAULT '0';"},
       {guard(ty("text"), ty("int")), "ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;",
        "ALTER TABLE public.t ALTER COLUMN n TYPE int USING n::int;", "ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;"},
       false, true, Lock::access_exclusive, true, "alter_column_type", false},
      {"timestamp read as UTC", with_table(t_with({col("at", ty("timestamp"))})),
       with_table(t_with({col("at", ty("timestamptz"))})), "alter_column_type",
       {"ALTER TABLE public.t ALTER COLUMN at TYPE timestamptz USING (at AT TIME ZONE 'UTC');"},
       {"ALTER TABLE public.t ALTER COLUMN at TYPE timestamp USING (at AT TIME ZONE 'UTC');"}, false, true,
       Lock::access_exclusive, true, "alter_column_type", false},
      {"enum to enum through text", with_table(t_with({col("e", enum_ty("public", "a"))})),
       with_table(t_with({col("e", enum_ty("public", "b"))})), "alter_column_type",
       {guard(enum_ty("public", "a"), enum_ty("public", "b"), "e"),
        "ALTER TABLE public.t ALTER COLUMN e TYPE public.b USING e::text::public.b;"},
       {guard(enum_ty("public", "b"), enum_ty("public", "a"), "e"),
        "ALTER TABLE public.t ALTER COLUMN e TYPE public.a USING e::text::public.a;"},
       false, true, Lock::access_exclusive, true, "alter_column_type", false},
      {"nullability", with_table(t_with({col("n", ty("int"), true)})), with_table(t_with({col("n", ty("int"))})),
       "alter_nullability", {"ALTER TABLE public.t ALTER COLUMN n SET NOT NULL;"},
       {"ALTER TABLE public.t ALTER COLUMN n DROP NOT NULL;"}, false, true, Lock::access_exclusive, false,
       "alter_nullability", false},
      {"default", with_table(t_with({col("at", ty("timestamptz"))})),
       with_table(t_with({with_default(col("at", ty("timestamptz")), "now()")})), "alter_default",
       {"ALTER TABLE public.t ALTER COLUMN at SET DEFAULT now();"}, {"ALTER TABLE public.t ALTER COLUMN at DROP DEFAULT;"},
       false, true, Lock::access_exclusive, false, "alter_default", false},
      {"identity", with_table(t_with({col("n", ty("bigint"))})),
       with_table(t_with({ident(col("n", ty("bigint")), Identity::always)})), "alter_identity",
       {"ALTER TABLE public.t ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY;",
        "SELECT setval(pg_get_serial_sequence('public.t', 'n'), coalesce(max(n), 0) + 1, false) FROM public.t;"},
       {"ALTER TABLE public.t ALTER COLUMN n DROP IDENTITY;"}, false, true, Lock::access_exclusive, false,
       "alter_identity", false},
      {"identity kind", with_table(t_with({ident(col("n", ty("bigint")), Identity::by_default)})),
       with_table(t_with({ident(col("n", ty("bigint")), Identity::always)})), "alter_identity",
       {"ALTER TABLE public.t ALTER COLUMN n SET GENERATED ALWAYS;"},
       {"ALTER TABLE public.t ALTER COLUMN n SET GENERATED BY DEFAULT;"}, false, true, Lock::access_exclusive, false,
       "alter_identity", false},
      {"generated expression", with_table(t_with({generated(col("g", ty("int")), "id * 2")})),
       with_table(t_with({generated(col("g", ty("int")), "id * 3")})), "alter_generated",
       {"ALTER TABLE public.t DROP COLUMN g;", "ALTER TABLE public.t ADD COLUMN g int GENERATED ALWAYS AS (id * 3) STORED NOT NULL;"},
       {"ALTER TABLE public.t DROP COLUMN g;", "ALTER TABLE public.t ADD COLUMN g int GENERATED ALWAYS AS (id * 2) STORED NOT NULL;"},
       false, true, Lock::access_exclusive, true, "alter_generated", false},
      {"unique", with_table(t_with({price})), with_table(t_with({price}, {uq("t_price_key", {"price"})})),
       "add_constraint", {"ALTER TABLE public.t ADD CONSTRAINT t_price_key UNIQUE (price);"},
       {"ALTER TABLE public.t DROP CONSTRAINT t_price_key;"}, false, true, Lock::access_exclusive, false,
       "drop_constraint", false},
      {"index on existing plain table", with_table(t_with({price})), with_table(t_with({price}, {}, {ix})),
       "create_index", {"CREATE INDEX CONCURRENTLY t_price_idx ON public.t (price DESC);"},
       {"DROP INDEX CONCURRENTLY public.t_price_idx;"}, false, false, Lock::share_update_exclusive, false,
       "drop_index", false},
      {"table comment", base, with_table(commented_t), "comment",
       {"COMMENT ON TABLE public.t IS 'it''s a table';"}, {"COMMENT ON TABLE public.t IS NULL;"}, false, true,
       Lock::none, false, "comment", false},
      {"column comment", with_table(t_with({price})), with_table(t_with({commented(price, "in USD")})), "comment",
       {"COMMENT ON COLUMN public.t.price IS 'in USD';"}, {"COMMENT ON COLUMN public.t.price IS NULL;"}, false, true,
       Lock::none, false, "comment", false},
  };
}

}  // namespace

TEST_CASE("diff: every change kind, both directions") {
  for (auto& c : cases()) {
    CAPTURE(c.name);
    Plan p = diff(c.a, c.b, allow());
    REQUIRE(p.changes.size() == 1);
    const Change& ch = p.changes[0];
    CHECK(kind_name(ch.kind) == c.kind);
    CHECK(ch.up == c.up);
    CHECK(ch.down == c.down);
    CHECK(ch.destructive == c.destructive);
    CHECK(ch.transactional == c.transactional);
    CHECK(lock_name(ch.lock) == std::string(lock_name(c.lock)));
    CHECK(ch.rewrites == c.rewrites);
    CHECK(!ch.description.empty());

    Plan r = diff(c.b, c.a, allow());
    REQUIRE(r.changes.size() == 1);
    CHECK(kind_name(r.changes[0].kind) == c.reverse_kind);
    CHECK(r.changes[0].up == c.down);
    CHECK(r.changes[0].down == (c.reverse_down.empty() ? c.up : c.reverse_down));
    CHECK(r.changes[0].destructive == c.reverse_destructive);

    CHECK(diff(c.a, c.a, allow()).empty());
    CHECK(diff(c.b, c.b, allow()).empty());
  }
}

TEST_CASE("diff: an extension's DOWN drops it only if its UP created it; a declared drop drops it") {
  Schema ext;
  ext.extensions.emplace_back().name = "timescaledb";
  ext.extensions[0].schema = "ts";
  Plan p = diff({}, ext, allow());
  REQUIRE(p.changes.size() == 1);
  CHECK(kind_name(p.changes[0].kind) == std::string("create_extension"));
  CHECK(p.changes[0].up == std::vector<std::string>{
                               "DO $schemac$\nBEGIN\n"
                               "  IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'timescaledb') THEN\n"
                               "    CREATE EXTENSION timescaledb SCHEMA ts;\n"
                               "    COMMENT ON EXTENSION timescaledb IS 'created by a schemac migration (its DOWN "
                               "drops it)';\n"
                               "  END IF;\nEND\n$schemac$;"});
  CHECK(p.changes[0].down ==
        std::vector<std::string>{"DO $schemac$\nBEGIN\n"
                                 "  IF (SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = "
                                 "'timescaledb') = 'created by a schemac migration (its DOWN drops it)' THEN\n"
                                 "    DROP EXTENSION timescaledb;\n"
                                 "  END IF;\nEND\n$schemac$;"});
  Plan r = diff(ext, {}, allow());
  REQUIRE(r.changes.size() == 1);
  CHECK(kind_name(r.changes[0].kind) == std::string("drop_extension"));
  CHECK(r.changes[0].destructive);
  CHECK(r.changes[0].up == std::vector<std::string>{"DROP EXTENSION timescaledb;"});
  CHECK(r.changes[0].down == std::vector<std::string>{"CREATE EXTENSION IF NOT EXISTS timescaledb SCHEMA ts;"});
}

TEST_CASE("diff: adding enum values, and the recreate path as its DOWN") {
  Enum a = enum_of("public", "side", {"buy", "sell"});
  Enum b = enum_of("public", "side", {"open", "buy", "hold", "sell", "x", "y"});
  Table user = table("public", "orders", {with_default(col("side", enum_ty("public", "side")), "'buy'::public.side")});
  Plan p = diff(schema_of({user}, {a}), schema_of({user}, {b}));
  REQUIRE(p.changes.size() == 1);
  const Change& c = p.changes[0];
  CHECK(kind_name(c.kind) == std::string("add_enum_values"));
  CHECK(c.description == "add 'open', 'hold', 'x', 'y' to enum public.side");
  CHECK(c.up == std::vector<std::string>{
                    "ALTER TYPE public.side ADD VALUE 'open' BEFORE 'buy';",
                    "ALTER TYPE public.side ADD VALUE 'hold' AFTER 'buy';",
                    "ALTER TYPE public.side ADD VALUE 'x';",
                    "ALTER TYPE public.side ADD VALUE 'y';",
                });
  CHECK(c.down == std::vector<std::string>{
                      "DO $schemac$\n"
                      "#variable_conflict use_column\n"
                      "BEGIN\n"
                      "  LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE;\n"
                      "  IF EXISTS (SELECT FROM public.orders WHERE NOT (side::text = ANY (ARRAY['buy', "
                      "'sell']::text[]))) THEN\n"
                      "    RAISE EXCEPTION USING MESSAGE = 'schemac: column public.orders.side holds a value that "
                      "enum public.side no longer has, so the enum is not changed', HINT = 'see them with SELECT "
                      "side FROM public.orders WHERE NOT (side::text = ANY (ARRAY[''buy'', ''sell'']::text[])); "
                      "change those rows to a label public.side keeps, or keep the label';\n"
                      "  END IF;\n"
                      "END\n"
                      "$schemac$;",
                      "ALTER TYPE public.side RENAME TO side_schemac_old;",
                      "CREATE TYPE public.side AS ENUM ('buy', 'sell');",
                      "ALTER TABLE public.orders ALTER COLUMN side DROP DEFAULT;",
                      "ALTER TABLE public.orders ALTER COLUMN side TYPE public.side USING side::text::public.side;",
                      "ALTER TABLE public.orders ALTER COLUMN side SET DEFAULT 'buy'::public.side;",
                      "DROP TYPE public.side_schemac_old;",
                  });
  CHECK_FALSE(c.transactional);
  CHECK_FALSE(c.destructive);
  CHECK(p.diagnostics.empty());

  // The other way removes values: the recreate path. Its guard fails, changing nothing, while a row holds a
  // removed value, so it cannot lose one: not destructive, not refused without the flag.
  Plan r = diff(schema_of({user}, {b}), schema_of({user}, {a}));
  REQUIRE(r.changes.size() == 1);
  CHECK(kind_name(r.changes[0].kind) == std::string("recreate_enum"));
  CHECK_FALSE(r.changes[0].destructive);
  CHECK(r.changes[0].rewrites);
  CHECK(r.changes[0].up == c.down);
  CHECK(r.changes[0].description == "recreate enum public.side (removes 'open', 'hold', 'x', 'y')");
  CHECK(r.diagnostics.empty());
}

TEST_CASE("diff: a narrowing type change is guarded: it fails, changing nothing, instead of cutting a value") {
  Schema wide = with_table(t_with({with_default(col("s", ty("varchar", {64})), "'x'::character varying")}));
  Schema narrow = with_table(t_with({with_default(col("s", ty("varchar", {32})), "'x'::character varying")}));
  Plan p = diff(wide, narrow);  // no --allow-destructive: it cannot lose a value, so it is not refused
  CHECK(p.diagnostics.empty());
  REQUIRE(p.changes.size() == 1);
  const Change& c = p.changes[0];
  CHECK_FALSE(c.destructive);
  // The guard comes first, before the default is dropped, so a failure leaves even the default in place.
  CHECK(c.up == std::vector<std::string>{
                    "DO $schemac$\n"
                    "#variable_conflict use_column\n"
                    "BEGIN\n"
                    "  LOCK TABLE public.t IN ACCESS EXCLUSIVE MODE;\n"
                    "  IF EXISTS (SELECT FROM public.t WHERE s::varchar(32)::varchar(64) IS DISTINCT FROM s) THEN\n"
                    "    RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.s holds a value that varchar(32) "
                    "cannot keep exactly, so its type is not changed', HINT = 'see them with SELECT s FROM public.t "
                    "WHERE s::varchar(32)::varchar(64) IS DISTINCT FROM s; change or delete those rows, or keep "
                    "varchar(64)';\n"
                    "  END IF;\n"
                    "EXCEPTION WHEN data_exception THEN\n"
                    "  RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.s holds a value that does not "
                    "convert to varchar(32), so its type is not changed' || ': ' || SQLERRM, HINT = 'change or "
                    "delete the rows whose s does not convert to varchar(32), or keep varchar(64)';\n"
                    "END\n"
                    "$schemac$;",
                    "ALTER TABLE public.t ALTER COLUMN s DROP DEFAULT;",
                    "ALTER TABLE public.t ALTER COLUMN s TYPE varchar(32);",
                    "ALTER TABLE public.t ALTER COLUMN s SET DEFAULT 'x'::character varying;",
                });
  // The DOWN widens back: no guard.
  CHECK(c.down == std::vector<std::string>{
                      "ALTER TABLE public.t ALTER COLUMN s DROP DEFAULT;",
                      "ALTER TABLE public.t ALTER COLUMN s TYPE varchar(64);",
                      "ALTER TABLE public.t ALTER COLUMN s SET DEFAULT 'x'::character varying;",
                  });
  CHECK(c.note == "rewrites the table and its indexes under ACCESS EXCLUSIVE; UP first scans the table and fails, "
                  "changing nothing, if a value does not fit varchar(32) exactly");
  // And the other way round, the guard is in the DOWN.
  Plan r = diff(narrow, wide);
  REQUIRE(r.changes.size() == 1);
  CHECK(r.changes[0].up == c.down);
  CHECK(r.changes[0].down == c.up);
  CHECK(r.changes[0].note ==
        "DOWN first scans the table and fails, changing nothing, if a value does not fit varchar(32) exactly");
}

TEST_CASE("diff: the guard of a hypertable says it scans every chunk, and conversions that read values a new way say so") {
  Table ht = t_with({col("price", ty("numeric", {20, 8}))});
  ht.hypertable.emplace().time_column = "id";
  Table narrowed = ht;
  narrowed.columns.back().type = ty("numeric", {10, 2});
  Plan p = diff(with_table(ht), with_table(narrowed));
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].note.find("UP first scans every chunk and fails") != std::string::npos);

  Plan tz = diff(with_table(t_with({col("at", ty("timestamptz"))})), with_table(t_with({col("at", ty("timestamp"))})));
  REQUIRE(tz.changes.size() == 1);
  CHECK(tz.changes[0].note ==
        "rewrites the table and its indexes under ACCESS EXCLUSIVE; wall-clock times are read and written as UTC, "
        "whatever the session's TimeZone");
}

TEST_CASE("diff: a name that holds the dollar-quote tag cannot end the guard's body") {
  Column c = col("a$schemac$b", ty("int"));
  Plan p = diff(with_table(t_with({c})), with_table(t_with({col("a$schemac$b", ty("smallint"))})));
  REQUIRE(p.changes.size() == 1);
  const std::string& g = p.changes[0].up.front();
  CHECK(g.rfind("DO $schemac1$\n", 0) == 0);
  CHECK(g.size() - g.rfind("$schemac1$;") == std::string("$schemac1$;").size());
  CHECK(g.find("$schemac1$", 4) == g.size() - std::string("$schemac1$;").size());
}

TEST_CASE("diff: the DOWN of a dropped column runs on a table with rows and says its data is gone") {
  Enum side = enum_of("public", "side", {"buy", "sell"});
  auto dropped = [&](Column c) {
    Plan p = diff(schema_of({t_with({c})}, {side}), schema_of({t_with({})}, {side}), allow());
    REQUIRE(p.changes.size() == 1);
    CHECK(p.changes[0].kind == Change::Kind::drop_column);
    CHECK(p.changes[0].destructive);
    CHECK(p.changes[0].irreversible_data);
    CHECK(p.changes[0].down_note.starts_with("the data of public.t." + c.name + " is gone"));
    return p.changes[0];
  };
  // NOT NULL without a default: filled through a default dropped again, in the type's zero value.
  CHECK(dropped(col("n", ty("int"))).down == std::vector<std::string>{
                                                "ALTER TABLE public.t ADD COLUMN n int DEFAULT '0' NOT NULL;",
                                                "ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;"});
  CHECK(dropped(col("s", ty("text"))).down[0] == "ALTER TABLE public.t ADD COLUMN s text DEFAULT '' NOT NULL;");
  CHECK(dropped(col("at", ty("timestamptz"))).down[0] ==
        "ALTER TABLE public.t ADD COLUMN at timestamptz DEFAULT '1970-01-01 00:00:00+00' NOT NULL;");
  CHECK(dropped(col("tags", ty("text", {}, 1))).down[0] ==
        "ALTER TABLE public.t ADD COLUMN tags text[] DEFAULT '{}' NOT NULL;");
  Change e = dropped(col("side", enum_ty("public", "side")));
  CHECK(e.down[0] == "ALTER TABLE public.t ADD COLUMN side public.side DEFAULT 'buy' NOT NULL;");
  CHECK(e.down_note.find("its rows get 'buy'") != std::string::npos);
  // The server fills these itself: added back as declared.
  CHECK(dropped(col("maybe", ty("int"), true)).down ==
        std::vector<std::string>{"ALTER TABLE public.t ADD COLUMN maybe int;"});
  CHECK(dropped(with_default(col("q", ty("int")), "7")).down ==
        std::vector<std::string>{"ALTER TABLE public.t ADD COLUMN q int DEFAULT 7 NOT NULL;"});
  // No value to fill an extension type with: the DOWN says it fails on rows.
  Change v = dropped(col("emb", ty("vector", {3})));
  CHECK(v.down == std::vector<std::string>{"ALTER TABLE public.t ADD COLUMN emb vector(3) NOT NULL;"});
  CHECK(v.down_note.find("DOWN fails if the table has rows") != std::string::npos);
  // Only changes whose DOWN cannot bring data back carry the flag.
  Plan add = diff(schema_of({t_with({})}), schema_of({t_with({col("n", ty("int"))})}), allow());
  CHECK_FALSE(add.changes.at(0).irreversible_data);
  Plan drop_table = diff(schema_of({t_with({})}), Schema{}, allow());
  CHECK(drop_table.changes.at(0).irreversible_data);
}

TEST_CASE("diff: a check on an existing table is added NOT VALID, then validated in a transaction of its own") {
  Table t = simple("t", {col("price", ty("int"))});
  Table checked = t;
  checked.constraints.push_back(chk("t_price_check", "price > 0"));
  Plan p = diff(schema_of({t}), schema_of({checked}));
  REQUIRE(kinds(p) == std::vector<std::string>{"add_constraint", "validate_constraint"});
  CHECK(p.changes[0].up ==
        std::vector<std::string>{"ALTER TABLE public.t ADD CONSTRAINT t_price_check CHECK (price > 0) NOT VALID;"});
  CHECK(p.changes[0].lock == Lock::access_exclusive);
  CHECK_FALSE(p.changes[0].own_transaction);
  CHECK(p.changes[1].up == std::vector<std::string>{"ALTER TABLE public.t VALIDATE CONSTRAINT t_price_check;"});
  CHECK(p.changes[1].down.empty());  // undoing the addition drops it
  CHECK(p.changes[1].lock == Lock::share_update_exclusive);
  CHECK(p.changes[1].own_transaction);
  // The ADD commits before the scan starts: two sections.
  std::string up = plan_up_sql(p);
  CHECK(up.find("-- schemac:section 2 transactional") != std::string::npos);
  CHECK(up.find("VALIDATE") > up.find("COMMIT;"));
  CHECK(plan_down_sql(p).find("-- schemac:section 2") == std::string::npos);

  // Dropped, its DOWN re-adds it NOT VALID and validates it in a transaction of its own, after the re-add.
  Plan r = diff(schema_of({checked}), schema_of({t}), allow());
  REQUIRE(kinds(r) == std::vector<std::string>{"validate_constraint", "drop_constraint"});
  CHECK(r.changes[0].up.empty());
  CHECK(r.changes[0].down == std::vector<std::string>{"ALTER TABLE public.t VALIDATE CONSTRAINT t_price_check;"});
  CHECK(r.changes[0].own_transaction);
  CHECK(r.changes[1].down == std::vector<std::string>{
                                 "ALTER TABLE public.t ADD CONSTRAINT t_price_check CHECK (price > 0) NOT VALID;"});
  std::string down = plan_down_sql(r);
  CHECK(down.find("VALIDATE") > down.find("COMMIT;"));
}

TEST_CASE("diff: constraint options and index storage parameters change by drop and re-create, both ways") {
  Constraint plain = uq("t_a_key", {"a"});
  Constraint deferred = plain;
  deferred.deferrable = deferred.initially_deferred = true;
  deferred.nulls_not_distinct = true;
  Schema a = with_table(t_with({col("a", ty("int"))}, {plain}));
  Schema b = with_table(t_with({col("a", ty("int"))}, {deferred}));
  Plan p = diff(a, b, allow());
  REQUIRE(p.changes.size() == 2);
  CHECK(kind_name(p.changes[0].kind) == std::string("drop_constraint"));
  CHECK(kind_name(p.changes[1].kind) == std::string("add_constraint"));
  CHECK(p.changes[1].up ==
        std::vector<std::string>{"ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE NULLS NOT DISTINCT (a) "
                                 "DEFERRABLE INITIALLY DEFERRED;"});
  CHECK(diff(b, a, allow()).changes.size() == 2);

  Index fill = idx("t_a_idx", {key("a")});
  fill.storage = {{"fillfactor", "70"}, {"deduplicate_items", "off"}};
  Index reordered = fill;
  std::swap(reordered.storage[0], reordered.storage[1]);
  Index other = fill;
  other.storage[0].second = "80";
  Schema f = with_table(t_with({col("a", ty("int"))}, {}, {fill}));
  CHECK(diff(f, with_table(t_with({col("a", ty("int"))}, {}, {reordered})), allow()).empty());
  Plan rebuilt = diff(f, with_table(t_with({col("a", ty("int"))}, {}, {other})), allow());
  REQUIRE(rebuilt.changes.size() == 2);
  CHECK(rebuilt.changes[1].up ==
        std::vector<std::string>{"CREATE INDEX CONCURRENTLY t_a_idx ON public.t (a) WITH (fillfactor = 80, deduplicate_items = off);"});
}

TEST_CASE("diff: table storage parameters change in place and UNLOGGED rewrites, both ways") {
  Table plain = t_with({col("a", ty("int"))});
  Table tuned = plain;
  tuned.storage = {{"fillfactor", "90"}, {"autovacuum_vacuum_scale_factor", "0.01"}};
  Table retuned = plain;
  retuned.storage = {{"fillfactor", "80"}};
  retuned.unlogged = true;

  Plan p = diff(with_table(plain), with_table(tuned), allow());
  REQUIRE(p.changes.size() == 1);
  CHECK(kind_name(p.changes[0].kind) == std::string("set_storage"));
  CHECK(p.changes[0].up ==
        std::vector<std::string>{"ALTER TABLE public.t SET (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01);"});
  CHECK(p.changes[0].down ==
        std::vector<std::string>{"ALTER TABLE public.t RESET (fillfactor, autovacuum_vacuum_scale_factor);"});
  CHECK(p.changes[0].lock == Lock::share_update_exclusive);

  Plan q = diff(with_table(tuned), with_table(retuned), allow());
  REQUIRE(q.changes.size() == 2);
  CHECK(q.changes[0].up ==
        std::vector<std::string>{"ALTER TABLE public.t SET (fillfactor = 80), RESET (autovacuum_vacuum_scale_factor);"});
  CHECK(q.changes[0].down ==
        std::vector<std::string>{"ALTER TABLE public.t SET (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01);"});
  CHECK(kind_name(q.changes[1].kind) == std::string("set_persistence"));
  CHECK(q.changes[1].up == std::vector<std::string>{"ALTER TABLE public.t SET UNLOGGED;"});
  CHECK(q.changes[1].down == std::vector<std::string>{"ALTER TABLE public.t SET LOGGED;"});
  CHECK(q.changes[1].rewrites);

  Table reordered = tuned;
  std::swap(reordered.storage[0], reordered.storage[1]);
  CHECK(diff(with_table(tuned), with_table(reordered), allow()).empty());
}

TEST_CASE("diff: a column's collation changes through ALTER COLUMN TYPE ... COLLATE, back to \"default\"") {
  Column plain = col("name", ty("text"));
  Column c = plain;
  c.collation = "C";
  Plan p = diff(with_table(t_with({plain})), with_table(t_with({c})), allow());
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].description == "change collation of public.t.name from \"default\" to \"C\" (rebuilds its indexes)");
  CHECK(p.changes[0].up == std::vector<std::string>{"ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE \"C\";"});
  CHECK(p.changes[0].down ==
        std::vector<std::string>{"ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE \"default\";"});
  CHECK_FALSE(p.changes[0].rewrites);
}

TEST_CASE("diff: a type change keeps a column's collation, both ways (ALTER TYPE alone would reset it)") {
  Column a = col("name", ty("text"));
  a.collation = "C";
  Column b = col("name", ty("varchar"));
  b.collation = "C";
  Plan p = diff(with_table(t_with({a})), with_table(t_with({b})), allow());
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].up.back() == "ALTER TABLE public.t ALTER COLUMN name TYPE varchar COLLATE \"C\";");
  CHECK(p.changes[0].down.back().find("TYPE text COLLATE \"C\"") != std::string::npos);
}

TEST_CASE("diff: identity options change in place; an option left out goes back to PostgreSQL's default") {
  Column plain = ident(col("n", ty("int")), Identity::by_default);
  Column tuned = plain;
  tuned.identity_options.start = 100;
  tuned.identity_options.increment = 5;
  tuned.identity_options.cycle = true;
  Plan p = diff(with_table(t_with({plain})), with_table(t_with({tuned})), allow());
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].up ==
        std::vector<std::string>{"ALTER TABLE public.t ALTER COLUMN n SET INCREMENT BY 5 SET START WITH 100 SET CYCLE;"});
  CHECK(p.changes[0].down ==
        std::vector<std::string>{"ALTER TABLE public.t ALTER COLUMN n SET INCREMENT BY 1 SET START WITH 1 SET NO CYCLE;"});
  CHECK(column_def_sql(tuned) == "n int GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5 CYCLE) NOT NULL");
}

TEST_CASE("identity options: the defaults of each type and direction are dropped, so declared equals inspected") {
  IdentityOptions o;
  o.start = 1, o.increment = 1, o.minvalue = 1, o.maxvalue = 2147483647, o.cache = 1;
  normalize_identity(ty("int"), o);
  CHECK(o.empty());
  IdentityOptions down;
  down.start = -1, down.increment = -1, down.minvalue = -32768, down.maxvalue = -1;
  normalize_identity(ty("smallint"), down);
  CHECK(down.increment == -1);
  CHECK_FALSE(down.start);
  CHECK_FALSE(down.minvalue);
  CHECK_FALSE(down.maxvalue);
  IdentityOptions big;
  big.maxvalue = 2147483647;  // not bigint's largest: kept
  normalize_identity(ty("bigint"), big);
  CHECK(big.maxvalue == 2147483647);
}

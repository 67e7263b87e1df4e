// The parse stage: every construct of grammar/SYNTAX.md mapped to the model values it means, places, comments,
// and the located messages syntax errors produce.

#include "dsl/parse.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

using namespace schemac;
using Kind = Constraint::Kind;

namespace {

ParseResult parse_text(const std::string& text) { return parse(SourceFile{"schema.dsl", text}); }

std::string rendered(const ParseResult& r, const std::string& text) {
  std::string out;
  for (auto& d : r.diags) out += render_diagnostic(d, text);
  return out;
}

// Parses text that must have no diagnostics at all (they are shown when it does).
Schema ok(const std::string& text) {
  ParseResult r = parse_text(text);
  INFO(rendered(r, text));
  REQUIRE(r.diags.empty());
  return r.schema;
}

// The only table of a schema.
Table one_table(const std::string& text) {
  Schema s = ok(text);
  REQUIRE(s.tables.size() == 1);
  return s.tables[0];
}

// Parses text that must give exactly one error; returns it.
Diagnostic one_error(const std::string& text) {
  ParseResult r = parse_text(text);
  INFO(rendered(r, text));
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].severity == Diagnostic::Severity::error);
  CHECK(r.diags[0].loc.file == "schema.dsl");
  return r.diags[0];
}

Type ty(std::string name, std::vector<int64_t> mods = {}, int dims = 0, std::string schema = {}) {
  return Type{std::move(schema), std::move(name), std::move(mods), dims};
}

Span span(int64_t months, int64_t days, int64_t micros) {
  Span s;
  s.months = months;
  s.days = days;
  s.micros = micros;
  return s;
}

void check_loc(const Loc& l, uint32_t line, uint32_t col) {
  CHECK(l.file == "schema.dsl");
  CHECK(l.line == line);
  CHECK(l.col == col);
}

}  // namespace

// ---- declarations -------------------------------------------------------------------------------------------------

TEST_CASE("parse: extensions with and without a schema") {
  Schema s = ok("extension timescaledb\nextension vector schema extensions\n");
  REQUIRE(s.extensions.size() == 2);
  CHECK(s.extensions[0].name == "timescaledb");
  CHECK(s.extensions[0].schema.empty());
  CHECK(s.extensions[1].name == "vector");
  CHECK(s.extensions[1].schema == "extensions");
  check_loc(s.extensions[1].loc, 2, 1);
}

TEST_CASE("parse: an extension followed by a schema block is not an extension schema") {
  Schema s = ok("extension timescaledb\nschema workspace { table t { a int } }\n");
  REQUIRE(s.extensions.size() == 1);
  CHECK(s.extensions[0].schema.empty());
  REQUIRE(s.namespaces.size() == 1);
  CHECK(s.namespaces[0].name == "workspace");
}

TEST_CASE("parse: enums with name and string labels, a trailing comma and @renamed_from") {
  Schema s = ok("enum market_type { spot, futures }\n"
                "@renamed_from(status, old_status) enum order_status { 'PARTIALLY_FILLED', '1m', \"Mixed Case\", }\n"
                "enum empty {}\n");
  REQUIRE(s.enums.size() == 3);
  CHECK(s.enums[0].schema == "public");
  CHECK(s.enums[0].name == "market_type");
  CHECK(s.enums[0].values == std::vector<std::string>{"spot", "futures"});
  CHECK(s.enums[1].name == "order_status");
  CHECK(s.enums[1].values == std::vector<std::string>{"PARTIALLY_FILLED", "1m", "Mixed Case"});
  CHECK(s.enums[1].renamed_from == std::vector<std::string>{"status", "old_status"});
  check_loc(s.enums[1].loc, 2, 35);  // at `enum`, after the @renamed_from
  CHECK(s.enums[2].values.empty());
}

TEST_CASE("parse: string labels unescape doubled quotes") {
  Schema s = ok("enum e { 'it''s', plain }");
  CHECK(s.enums[0].values == std::vector<std::string>{"it's", "plain"});
}

TEST_CASE("parse: a table with a schema-qualified name and @renamed_from") {
  Schema s = ok("@renamed_from(old_trades)\ntable audit.trades { id bigint }");
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].schema == "audit");
  CHECK(s.tables[0].name == "trades");
  CHECK(s.tables[0].renamed_from == std::vector<std::string>{"old_trades"});
  check_loc(s.tables[0].loc, 2, 1);
  CHECK(s.tables[0].columns.size() == 1);
}

TEST_CASE("parse: column types as written, with modifiers, arrays and schemas") {
  Table t = one_table(R"(table t {
    a smallint
    b integer
    c double precision
    d numeric(20,8)
    e varchar(50)
    f text[]
    g int[][]
    h vector(1536)
    i extensions.citext
    j "My Type"
    k timestamptz(3)[]
    l DECIMAL(10, 2)
  })");
  REQUIRE(t.columns.size() == 12);
  CHECK(t.columns[0].type == ty("smallint"));
  CHECK(t.columns[1].type == ty("integer"));  // aliases are check's business
  CHECK(t.columns[2].type == ty("double precision"));
  CHECK(t.columns[3].type == ty("numeric", {20, 8}));
  CHECK(t.columns[4].type == ty("varchar", {50}));
  CHECK(t.columns[5].type == ty("text", {}, 1));
  CHECK(t.columns[6].type == ty("int", {}, 2));
  CHECK(t.columns[7].type == ty("vector", {1536}));
  CHECK(t.columns[8].type == ty("citext", {}, 0, "extensions"));
  CHECK(t.columns[9].type == ty("My Type"));
  CHECK(t.columns[10].type == ty("timestamptz", {3}, 1));
  CHECK(t.columns[11].type == ty("DECIMAL", {10, 2}));  // not a keyword, so kept as written
}

TEST_CASE("parse: columns are NOT NULL unless marked with ?") {
  Table t = one_table("table t { a int\n b numeric(20,8)?\n c text[]? }");
  CHECK_FALSE(t.columns[0].nullable);
  CHECK(t.columns[1].nullable);
  CHECK(t.columns[1].type == ty("numeric", {20, 8}));
  CHECK(t.columns[2].nullable);
  CHECK(t.columns[2].type == ty("text", {}, 1));
}

TEST_CASE("parse: defaults keep their SQL text") {
  Table t = one_table(R"(table t {
    a int default 0
    b numeric default -1.5
    c text default 'it''s'
    d bool default true
    e bool default false
    f text? default null
    g timestamptz default now()
    h uuid default gen_random_uuid()
    i bigint default nextval('s_seq')
    j timestamptz default (now() + interval '1 day')
    k text default CURRENT_USER
    l numeric default 0::numeric(20,8)
    m text[] default '{}'::text[]
    n interval default ('1 day')::interval
    o int default pg_catalog.abs(-1)
  })");
  auto def = [&](size_t i) { return t.columns.at(i).default_expr.value_or("<none>"); };
  CHECK(def(0) == "0");
  CHECK(def(1) == "-1.5");
  CHECK(def(2) == "'it''s'");
  CHECK(def(3) == "true");
  CHECK(def(4) == "false");
  CHECK(def(5) == "null");
  CHECK(def(6) == "now()");
  CHECK(def(7) == "gen_random_uuid()");
  CHECK(def(8) == "nextval('s_seq')");
  CHECK(def(9) == "now() + interval '1 day'");  // the parentheses are the language's, not the expression's
  CHECK(def(10) == "CURRENT_USER");
  CHECK(def(11) == "0::numeric(20,8)");
  CHECK(def(12) == "'{}'::text[]");
  CHECK(def(13) == "('1 day')::interval");
  CHECK(def(14) == "pg_catalog.abs(-1)");
}

TEST_CASE("parse: identity and generated columns") {
  Table t = one_table(R"(table t {
    a int identity
    b bigint identity always primary key
    c int
    d numeric generated (c * (2 + 1))
  })");
  CHECK(t.columns[0].identity == Identity::by_default);
  CHECK(t.columns[1].identity == Identity::always);
  CHECK(t.columns[2].identity == Identity::none);
  CHECK_FALSE(t.columns[2].generated_expr.has_value());
  CHECK(t.columns[3].generated_expr == std::optional<std::string>("c * (2 + 1)"));
  REQUIRE(t.constraints.size() == 1);
  CHECK(t.constraints[0].kind == Kind::primary_key);
  CHECK(t.constraints[0].columns == std::vector<std::string>{"b"});
}

TEST_CASE("parse: inline constraints are single-column constraints in inline form") {
  Table t = one_table(R"(table t {
    id int primary key
    code varchar(10) unique
    price numeric check (price > 0)
    qty numeric check qty_positive (qty > 0)
  })");
  REQUIRE(t.constraints.size() == 4);
  for (auto& c : t.constraints) {
    CHECK(c.inline_form);
    CHECK(c.name.empty() == (c.kind != Kind::check || c.check_expr != "qty > 0"));
  }
  CHECK(t.constraints[0].kind == Kind::primary_key);
  CHECK(t.constraints[0].columns == std::vector<std::string>{"id"});
  CHECK(t.constraints[1].kind == Kind::unique);
  CHECK(t.constraints[1].columns == std::vector<std::string>{"code"});
  CHECK(t.constraints[2].kind == Kind::check);
  CHECK(t.constraints[2].columns == std::vector<std::string>{"price"});
  CHECK(t.constraints[2].check_expr == "price > 0");
  CHECK(t.constraints[3].name == "qty_positive");
  CHECK(t.constraints[3].check_expr == "qty > 0");
  check_loc(t.constraints[2].loc, 4, 19);
}

TEST_CASE("parse: inline references with and without a column, and their actions") {
  Table t = one_table(R"(table orders {
    a int references exchanges(id) on delete cascade
    b int references symbols
    c int? references audit.users(user_id) on delete set null on update restrict
    d int references t on update set default on delete no action
  })");
  REQUIRE(t.constraints.size() == 4);
  const Constraint& a = t.constraints[0];
  CHECK(a.kind == Kind::foreign_key);
  CHECK(a.inline_form);
  CHECK(a.columns == std::vector<std::string>{"a"});
  CHECK(a.ref_schema == "public");
  CHECK(a.ref_table == "exchanges");
  CHECK(a.ref_columns == std::vector<std::string>{"id"});
  CHECK(a.on_delete == FkAction::cascade);
  CHECK(a.on_update == FkAction::no_action);
  CHECK(t.constraints[1].ref_table == "symbols");
  CHECK(t.constraints[1].ref_columns.empty());  // the target's primary key
  CHECK(t.constraints[2].ref_schema == "audit");
  CHECK(t.constraints[2].ref_table == "users");
  CHECK(t.constraints[2].on_delete == FkAction::set_null);
  CHECK(t.constraints[2].on_update == FkAction::restrict);
  CHECK(t.constraints[3].on_update == FkAction::set_default);
  CHECK(t.constraints[3].on_delete == FkAction::no_action);
}

TEST_CASE("parse: table-level constraints with and without names") {
  Table t = one_table(R"(table t {
    a int
    b int
    c int
    primary key (a, b)
    unique (b, c)
    unique uq_c (c)
    foreign key (a, b) references other(x, y) on delete cascade
    foreign key fk_c (c) references audit.other
    check (a < b)
    check chk_c (c in (1, 2, 3))
  })");
  REQUIRE(t.constraints.size() == 7);
  for (auto& c : t.constraints) CHECK_FALSE(c.inline_form);
  CHECK(t.constraints[0].kind == Kind::primary_key);
  CHECK(t.constraints[0].name.empty());
  CHECK(t.constraints[0].columns == std::vector<std::string>{"a", "b"});
  CHECK(t.constraints[1].kind == Kind::unique);
  CHECK(t.constraints[1].columns == std::vector<std::string>{"b", "c"});
  CHECK(t.constraints[2].name == "uq_c");
  CHECK(t.constraints[3].kind == Kind::foreign_key);
  CHECK(t.constraints[3].columns == std::vector<std::string>{"a", "b"});
  CHECK(t.constraints[3].ref_table == "other");
  CHECK(t.constraints[3].ref_columns == std::vector<std::string>{"x", "y"});
  CHECK(t.constraints[3].on_delete == FkAction::cascade);
  CHECK(t.constraints[4].name == "fk_c");
  CHECK(t.constraints[4].ref_schema == "audit");
  CHECK(t.constraints[4].ref_columns.empty());
  CHECK(t.constraints[5].kind == Kind::check);
  CHECK(t.constraints[5].name.empty());
  CHECK(t.constraints[5].columns.empty());
  CHECK(t.constraints[5].check_expr == "a < b");
  CHECK(t.constraints[6].name == "chk_c");
  CHECK(t.constraints[6].check_expr == "c in (1, 2, 3)");
  check_loc(t.constraints[0].loc, 5, 5);
}

TEST_CASE("parse: a check that begins its own line is table-level, one on the column's line is the column's") {
  Table t = one_table(R"(table t {
    a int
    b int check (b > 0)
    check chk_format (a ~ '^[A-Z]+$')
    check (a < b)
  })");
  REQUIRE(t.constraints.size() == 3);
  CHECK(t.constraints[0].inline_form);
  CHECK(t.constraints[0].columns == std::vector<std::string>{"b"});
  CHECK_FALSE(t.constraints[1].inline_form);
  CHECK(t.constraints[1].name == "chk_format");
  CHECK(t.constraints[1].columns.empty());
  CHECK(t.constraints[1].check_expr == "a ~ '^[A-Z]+$'");
  check_loc(t.constraints[1].loc, 4, 5);
  CHECK_FALSE(t.constraints[2].inline_form);
  CHECK(t.constraints[2].check_expr == "a < b");
}

TEST_CASE("parse: a unique that begins its own line before an index makes a unique index") {
  Table t = one_table(R"(table t {
    a int
    b int unique
    index (b)
    unique index (a)
  })");
  REQUIRE(t.constraints.size() == 1);  // b's own unique
  CHECK(t.constraints[0].kind == Kind::unique);
  CHECK(t.constraints[0].columns == std::vector<std::string>{"b"});
  REQUIRE(t.indexes.size() == 2);
  CHECK_FALSE(t.indexes[0].unique);
  CHECK(t.indexes[1].unique);
  CHECK(t.indexes[1].keys[0].column == "a");
  check_loc(t.indexes[1].loc, 5, 5);
}

TEST_CASE("parse: table-level unique and primary key after a column are not the column's") {
  Table t = one_table("table t {\n  a int\n  b int\n  primary key (a)\n  unique (a, b)\n}");
  REQUIRE(t.constraints.size() == 2);
  CHECK(t.constraints[0].kind == Kind::primary_key);
  CHECK_FALSE(t.constraints[0].inline_form);
  CHECK(t.constraints[1].kind == Kind::unique);
  CHECK(t.constraints[1].columns == std::vector<std::string>{"a", "b"});
}

TEST_CASE("parse: indexes with every option") {
  Table t = one_table(R"(table t {
    a int
    metadata jsonb
    name text
    index (a)
    unique index ix_name using btree (lower(name), (a + 1) desc nulls last, a asc nulls first) include (metadata) where (a > 0 and name <> 'x')
    index using gin (metadata jsonb_path_ops)
    index ix_brin using brin (a desc)
  })");
  REQUIRE(t.indexes.size() == 4);
  const Index& plain = t.indexes[0];
  CHECK_FALSE(plain.unique);
  CHECK(plain.name.empty());
  CHECK(plain.method == "btree");
  REQUIRE(plain.keys.size() == 1);
  CHECK(plain.keys[0].column == "a");
  CHECK(plain.keys[0].expr.empty());
  CHECK_FALSE(plain.keys[0].desc);
  CHECK(plain.keys[0].nulls == NullsOrder::implied);
  check_loc(plain.loc, 5, 5);

  const Index& full = t.indexes[1];
  CHECK(full.unique);
  CHECK(full.name == "ix_name");
  CHECK(full.method == "btree");
  REQUIRE(full.keys.size() == 3);
  CHECK(full.keys[0].column.empty());
  CHECK(full.keys[0].expr == "lower(name)");
  CHECK(full.keys[1].expr == "a + 1");
  CHECK(full.keys[1].desc);
  CHECK(full.keys[1].nulls == NullsOrder::last);
  CHECK(full.keys[2].column == "a");
  CHECK_FALSE(full.keys[2].desc);
  CHECK(full.keys[2].nulls == NullsOrder::first);
  CHECK(full.include == std::vector<std::string>{"metadata"});
  CHECK(full.where == "a > 0 and name <> 'x'");

  CHECK(t.indexes[2].method == "gin");
  CHECK(t.indexes[2].keys[0].column == "metadata");
  CHECK(t.indexes[2].keys[0].opclass == "jsonb_path_ops");
  CHECK(t.indexes[3].name == "ix_brin");
  CHECK(t.indexes[3].keys[0].desc);
}

TEST_CASE("parse: hypertable block with chunk_interval, retention and compression") {
  Table t = one_table(R"(table ticks {
    timestamp timestamptz
    symbol_id int
    hypertable on timestamp {
      chunk_interval 30 minutes
      retention      7 days
      compression    { segment_by symbol_id, venue  order_by timestamp desc, symbol_id asc nulls first  after 1 day }
    }
  })");
  REQUIRE(t.hypertable.has_value());
  const Hypertable& h = *t.hypertable;
  CHECK(h.time_column == "timestamp");
  check_loc(h.loc, 4, 5);
  REQUIRE(h.chunk_interval.has_value());
  CHECK(h.chunk_interval->micros == 30LL * 60 * 1'000'000);
  CHECK(h.chunk_interval->days == 0);
  CHECK_FALSE(h.chunk_interval->is_integer);
  REQUIRE(h.retention.has_value());
  CHECK(h.retention->days == 7);
  REQUIRE(h.compression.has_value());
  CHECK(h.compression->segment_by == std::vector<std::string>{"symbol_id", "venue"});
  REQUIRE(h.compression->order_by.size() == 2);
  CHECK(h.compression->order_by[0] == OrderItem{"timestamp", true, NullsOrder::implied});
  CHECK(h.compression->order_by[1] == OrderItem{"symbol_id", false, NullsOrder::first});
  REQUIRE(h.compression->after.has_value());
  CHECK(h.compression->after->days == 1);
}

TEST_CASE("parse: a bare hypertable and compression without settings") {
  Table t = one_table("table t { ts timestamptz\n hypertable on ts }");
  REQUIRE(t.hypertable.has_value());
  CHECK(t.hypertable->time_column == "ts");
  CHECK_FALSE(t.hypertable->chunk_interval.has_value());
  CHECK_FALSE(t.hypertable->compression.has_value());
  Table u = one_table("table t { ts timestamptz\n hypertable on ts { compression } }");
  REQUIRE(u.hypertable->compression.has_value());
  CHECK(u.hypertable->compression->segment_by.empty());
  CHECK_FALSE(u.hypertable->compression->after.has_value());
}

TEST_CASE("parse: spans convert every unit, singular and plural, and add up") {
  struct Row {
    const char* text;
    Span want;
  };
  const Row rows[] = {
      {"1 microsecond", span(0, 0, 1)},
      {"5 microseconds", span(0, 0, 5)},
      {"2 milliseconds", span(0, 0, 2'000)},
      {"1 second", span(0, 0, 1'000'000)},
      {"90 seconds", span(0, 0, 90'000'000)},
      {"1 minute", span(0, 0, 60'000'000)},
      {"6 hours", span(0, 0, 6 * 3'600'000'000LL)},
      {"1 day", span(0, 1, 0)},
      {"2 weeks", span(0, 14, 0)},
      {"3 months", span(3, 0, 0)},
      {"1 year", span(12, 0, 0)},
      {"1 year 2 months 3 days 4 hours", span(14, 3, 4 * 3'600'000'000LL)},
  };
  for (auto& row : rows) {
    CAPTURE(row.text);
    Table t = one_table(fmt::format("table t {{ ts timestamptz\n hypertable on ts {{ chunk_interval {} }} }}", row.text));
    REQUIRE(t.hypertable->chunk_interval.has_value());
    const Span& got = *t.hypertable->chunk_interval;
    CHECK_FALSE(got.is_integer);
    CHECK(got.months == row.want.months);
    CHECK(got.days == row.want.days);
    CHECK(got.micros == row.want.micros);
  }
}

TEST_CASE("parse: a bare integer span is for integer time columns") {
  Table t = one_table("table t { ts bigint\n hypertable on ts { chunk_interval 86400000 retention 100 } }");
  CHECK(t.hypertable->chunk_interval->is_integer);
  CHECK(t.hypertable->chunk_interval->integer == 86400000);
  CHECK(t.hypertable->retention->is_integer);
  CHECK(t.hypertable->retention->integer == 100);
}

TEST_CASE("parse: an unknown time unit is reported at the unit with the units that exist") {
  Diagnostic d = one_error("table t { ts timestamptz\n hypertable on ts { retention 7 dayz } }");
  CHECK(d.message == "unknown time unit \"dayz\"");
  check_loc(d.loc, 2, 33);
  CHECK(d.hint.find("days") != std::string::npos);
}

TEST_CASE("parse: a fractional span amount is reported") {
  Diagnostic d = one_error("table t { ts timestamptz\n hypertable on ts { retention 1.5 days } }");
  CHECK(d.message == "a span amount must be a whole number, not \"1.5\"");
}

TEST_CASE("parse: partition_by hash and range dimensions keep their order and places; integer_now names a function") {
  Table t = one_table(R"(table ticks {
    n bigint
    symbol_id int
    day timestamptz
    hypertable on n {
      chunk_interval 1000
      partition_by symbol_id hash 4
      partition_by day range 1 day 12 hours
      integer_now ticks_now
    }
  })");
  const Hypertable& h = *t.hypertable;
  REQUIRE(h.dimensions.size() == 2);
  CHECK(h.dimensions[0].kind == Dimension::Kind::hash);
  CHECK(h.dimensions[0].column == "symbol_id");
  CHECK(h.dimensions[0].partitions == 4);
  check_loc(h.dimensions[0].loc, 7, 7);
  CHECK(h.dimensions[1].kind == Dimension::Kind::range);
  CHECK(h.dimensions[1].column == "day");
  CHECK(h.dimensions[1].interval == span(0, 1, 12 * 3'600'000'000LL));
  check_loc(h.dimensions[1].loc, 8, 7);
  // Unqualified: the schema the table is written in.
  CHECK(h.integer_now_schema == "public");
  CHECK(h.integer_now == "ticks_now");

  Schema s = ok("schema market {\n table c { n bigint\n hypertable on n { chunk_interval 10 integer_now clock } }\n"
                " table d { n bigint\n hypertable on n { chunk_interval 10 integer_now util.\"Now\" } }\n}");
  CHECK(s.tables[0].hypertable->integer_now_schema == "market");
  CHECK(s.tables[0].hypertable->integer_now == "clock");
  CHECK(s.tables[1].hypertable->integer_now_schema == "util");
  CHECK(s.tables[1].hypertable->integer_now == "Now");
  // An integer range dimension.
  Table u = one_table("table t { ts timestamptz\n seq bigint\n hypertable on ts { partition_by seq range 5000 } }");
  CHECK(u.hypertable->dimensions.at(0).interval.is_integer);
  CHECK(u.hypertable->dimensions.at(0).interval.integer == 5000);
}

TEST_CASE("parse: a partition_by without its kind, with a misspelt unit, or integer_now twice is a located error") {
  Diagnostic kind = one_error("table t { ts timestamptz\n s int\n hypertable on ts { partition_by s 4 } }");
  CHECK(kind.message == "expected \"hash\" and a number of partitions or \"range\" and a span (partition_by symbol_id "
                        "hash 4) after \"s\", found \"4\"");
  check_loc(kind.loc, 3, 36);
  Diagnostic unit = one_error("table t { ts timestamptz\n d date\n hypertable on ts { partition_by d range 1 dai } }");
  CHECK(unit.message == "unknown time unit \"dai\"");
  Diagnostic twice = one_error("table t { n int\n hypertable on n { chunk_interval 5 integer_now a integer_now b } }");
  CHECK(twice.message == "integer_now is set twice");
  check_loc(twice.loc, 2, 51);
  Diagnostic fraction = one_error("table t { ts timestamptz\n s int\n hypertable on ts { partition_by s hash 2.5 } }");
  CHECK(fraction.message == "a number of hash partitions must be a whole number, not \"2.5\"");
}

TEST_CASE("parse: typed queries with params, result columns, where, order by and limit") {
  Table t = one_table(R"(table book {
    timestamp timestamptz
    symbol_id int
    bid numeric
    query latest_for_symbol(symbol_id) -> one {
      where symbol_id = :symbol_id order by timestamp desc limit 1
    }
    query window_for_symbol(symbol_id, from timestamptz, to) -> many (timestamp, bid) {
      where symbol_id = :symbol_id and timestamp >= :from and timestamp < :to
      order by timestamp, bid desc nulls last
      limit :max_rows
    }
    query everything() -> many {}
  })");
  REQUIRE(t.queries.size() == 3);
  const Query& one = t.queries[0];
  CHECK(one.name == "latest_for_symbol");
  CHECK_FALSE(one.many);
  REQUIRE(one.params.size() == 1);
  CHECK(one.params[0].name == "symbol_id");
  CHECK_FALSE(one.params[0].type.has_value());
  CHECK(one.columns.empty());
  CHECK(one.where == "symbol_id = :symbol_id");
  REQUIRE(one.order_by.size() == 1);
  CHECK(one.order_by[0] == OrderItem{"timestamp", true, NullsOrder::implied});
  CHECK(one.limit == "1");
  check_loc(one.loc, 5, 5);

  const Query& many = t.queries[1];
  CHECK(many.many);
  REQUIRE(many.params.size() == 3);
  CHECK(many.params[1].name == "from");
  REQUIRE(many.params[1].type.has_value());
  CHECK(*many.params[1].type == ty("timestamptz"));
  check_loc(many.params[1].loc, 8, 40);
  CHECK(many.columns == std::vector<std::string>{"timestamp", "bid"});
  CHECK(many.where == "symbol_id = :symbol_id and timestamp >= :from and timestamp < :to");
  REQUIRE(many.order_by.size() == 2);
  CHECK(many.order_by[1] == OrderItem{"bid", true, NullsOrder::last});
  CHECK(many.limit == ":max_rows");

  const Query& all = t.queries[2];
  CHECK(all.params.empty());
  CHECK(all.where.empty());
  CHECK(all.order_by.empty());
  CHECK(all.limit.empty());
}

TEST_CASE("parse: a query's where keeps SQL with parentheses, strings, casts and quoted names") {
  Table t = one_table(R"(table t {
    a int
    query q(a) -> many { where ("a" = :a or a in (select 1)) and 'x''y' <> a::text order by a }
  })");
  CHECK(t.queries[0].where == R"(("a" = :a or a in (select 1)) and 'x''y' <> a::text)");
}

TEST_CASE("parse: schema blocks put their enums, tables and unqualified references in that schema") {
  Schema s = ok(R"(table accounts { id int primary key }
schema workspace {
  enum side { buy, sell }
  table orders {
    id int primary key
    account_id int references public.accounts
    parent_id int? references orders(id)
    side side
    foreign key (id) references audit.log(id)
  }
}
schema audit { table log { id int } }
)");
  REQUIRE(s.namespaces.size() == 2);
  CHECK(s.namespaces[0].name == "workspace");
  check_loc(s.namespaces[0].loc, 2, 1);
  CHECK(s.namespaces[1].name == "audit");
  REQUIRE(s.enums.size() == 1);
  CHECK(s.enums[0].schema == "workspace");
  REQUIRE(s.tables.size() == 3);
  CHECK(s.tables[0].schema == "public");
  const Table& orders = s.tables[1];
  CHECK(orders.schema == "workspace");
  CHECK(orders.name == "orders");
  REQUIRE(orders.constraints.size() == 4);
  CHECK(orders.constraints[1].ref_schema == "public");
  CHECK(orders.constraints[1].ref_table == "accounts");
  CHECK(orders.constraints[2].ref_schema == "workspace");  // unqualified inside the block
  CHECK(orders.constraints[2].ref_table == "orders");
  CHECK(orders.constraints[3].ref_schema == "audit");
  CHECK(orders.columns[3].type == ty("side"));  // check resolves the enum
  CHECK(s.tables[2].schema == "audit");
}

TEST_CASE("parse: keywords are contextual, so columns may be named after them") {
  Table t = one_table(R"(table table {
    timestamp timestamp
    date date
    name text
    key int
    table text
    enum text
    schema text
    order int
    limit int
    one int
    after int
  })");
  CHECK(t.name == "table");
  REQUIRE(t.columns.size() == 11);
  CHECK(t.columns[0].name == "timestamp");
  CHECK(t.columns[0].type == ty("timestamp"));
  CHECK(t.columns[1].name == "date");
  CHECK(t.columns[4].name == "table");
  CHECK(t.columns[7].name == "order");
  CHECK(t.columns[10].name == "after");
}

TEST_CASE("parse: quoted names are unquoted and may collide with keywords") {
  Table t = one_table(R"(table "Order Book" {
    "index" int
    "Mixed ""Case""" text
    "unique" int unique
  })");
  CHECK(t.name == "Order Book");
  CHECK(t.columns[0].name == "index");
  CHECK(t.columns[1].name == "Mixed \"Case\"");
  CHECK(t.columns[2].name == "unique");
  REQUIRE(t.constraints.size() == 1);
  CHECK(t.constraints[0].columns == std::vector<std::string>{"unique"});
}

TEST_CASE("parse: parenthesised SQL is kept verbatim, strings and quoted names included") {
  Table t = one_table(R"(table t {
    a text check (a ~ '^(x|y)\)$' and a <> 'it''s )' and "weird)name" is not null and (length(a) > (1)))
  })");
  CHECK(t.constraints[0].check_expr ==
        R"(a ~ '^(x|y)\)$' and a <> 'it''s )' and "weird)name" is not null and (length(a) > (1)))");
}

TEST_CASE("parse: SQL spread over lines keeps its layout, but not the // comments inside it") {
  Table t = one_table("table t {\n  a int\n  check (a > 0 // positive\n    and a < 10)\n}");
  REQUIRE(t.constraints.size() == 1);
  CHECK(t.constraints[0].check_expr == "a > 0 \n    and a < 10");
}

TEST_CASE("parse: free-form layout: a whole table on one line and a column over several") {
  Table t = one_table("table t { a int primary key b text? default 'x' }");
  REQUIRE(t.columns.size() == 2);
  CHECK(t.columns[1].name == "b");
  CHECK(t.columns[1].default_expr == std::optional<std::string>("'x'"));
  Table u = one_table("table t {\n  a\n    int\n    default 1\n}");
  REQUIRE(u.columns.size() == 1);
  CHECK(u.columns[0].type == ty("int"));
  CHECK(u.columns[0].default_expr == std::optional<std::string>("1"));
}

TEST_CASE("parse: empty input and a file of comments only") {
  Schema e = ok("");
  CHECK(e.tables.empty());
  CHECK(e.extensions.empty());
  Schema c = ok("// nothing here\n\n// yet\n");
  CHECK(c.tail_comments == std::vector<std::string>{" nothing here", " yet"});
}

// ---- places -------------------------------------------------------------------------------------------------------

TEST_CASE("parse: every declaration records file, line and column") {
  Schema s = ok("extension timescaledb\n"
                "\n"
                "table t {\n"
                "  id   int primary key\n"
                "  @renamed_from(nm) name text\n"
                "  unique (name)\n"
                "  index ix (name)\n"
                "  hypertable on id\n"
                "  query q() -> one {}\n"
                "}\n");
  const Table& t = s.tables.at(0);
  check_loc(s.extensions[0].loc, 1, 1);
  check_loc(t.loc, 3, 1);
  check_loc(t.columns[0].loc, 4, 3);
  check_loc(t.constraints[0].loc, 4, 12);  // the inline primary key
  check_loc(t.columns[1].loc, 5, 21);      // the name, after @renamed_from
  CHECK(t.columns[1].renamed_from == std::vector<std::string>{"nm"});
  check_loc(t.constraints[1].loc, 6, 3);
  check_loc(t.indexes[0].loc, 7, 3);
  check_loc(t.hypertable->loc, 8, 3);
  check_loc(t.queries[0].loc, 9, 3);
}

TEST_CASE("parse: columns count characters, not bytes, after multi-byte characters") {
  Schema s = ok("// é\ntable \"é\" { \"ü\" int }\ntable \"日本\" { \"😀\" int \"b\" int }");
  check_loc(s.tables[0].columns[0].loc, 2, 13);  // `table "é" { ` is 12 characters (13 bytes)
  check_loc(s.tables[1].columns[0].loc, 3, 14);  // `table "日本" { ` is 13 characters (17 bytes)
  check_loc(s.tables[1].columns[1].loc, 3, 22);  // after the 4-byte emoji, one character
}

// ---- comments -----------------------------------------------------------------------------------------------------

TEST_CASE("parse: doc comments become the comment of the declaration below, lines joined") {
  Schema s = ok(R"(/// Exchanges we connect to.
///
///   Indented line.
table exchanges {
  /// The id.
  id int primary key
  ///Name without a space.
  name text
  /// Names are unique.
  unique (name)
  /// Lookup.
  index (name)
  /// The latest.
  query latest() -> one {}
}
/// Sides.
enum side { buy, sell }
/// Work area.
schema work { table w { a int } }
)");
  const Table& t = s.tables.at(0);
  CHECK(t.comment == "Exchanges we connect to.\n\n  Indented line.");
  CHECK(t.columns[0].comment == "The id.");
  CHECK(t.columns[1].comment == "Name without a space.");
  CHECK(t.constraints[1].comment == "Names are unique.");
  CHECK(t.indexes[0].comment == "Lookup.");
  CHECK(t.queries[0].comment == "The latest.");
  CHECK(s.enums[0].comment == "Sides.");
  CHECK(s.namespaces[0].comment == "Work area.");
  CHECK(t.trivia.before.empty());
}

TEST_CASE("parse: ordinary comments are kept as trivia before and after declarations") {
  Schema s = ok(R"(// Header of the file.

// About the extension.
extension timescaledb  // needed for hypertables

// Exchanges.
/// Exchanges we connect to.
table exchanges {  // opening line
  // The key.
  id int primary key  // surrogate
  name text
  // before the index
  index (name)  // lookups
  // before the hypertable
  hypertable on id  // time
  // left at the end of the table
} // after the table
// at the end of the file
)");
  const Extension& e = s.extensions.at(0);
  CHECK(e.trivia.before == std::vector<std::string>{" Header of the file.", " About the extension."});
  CHECK(e.trivia.after == " needed for hypertables");
  const Table& t = s.tables.at(0);
  CHECK(t.trivia.before == std::vector<std::string>{" Exchanges."});
  CHECK(t.comment == "Exchanges we connect to.");
  CHECK(t.trivia.after == " after the table");
  CHECK(t.columns[0].trivia.before == std::vector<std::string>{" opening line", " The key."});
  CHECK(t.columns[0].trivia.after == " surrogate");
  CHECK(t.columns[1].trivia.before.empty());
  CHECK(t.columns[1].trivia.after.empty());
  CHECK(t.indexes[0].trivia.before == std::vector<std::string>{" before the index"});
  CHECK(t.indexes[0].trivia.after == " lookups");
  CHECK(t.hypertable->trivia.before == std::vector<std::string>{" before the hypertable"});
  CHECK(t.hypertable->trivia.after == " time");
  CHECK(t.tail_comments == std::vector<std::string>{" left at the end of the table"});
  CHECK(s.tail_comments == std::vector<std::string>{" at the end of the file"});
}

TEST_CASE("parse: comments in schema blocks, enums and queries are not lost") {
  Schema s = ok(R"(schema work {
  // the table
  table w { a int }
  // end of block
}  // closing
enum side {
  buy,  // the buyer
  sell
}
table t {
  a int
  query q(a) -> one {
    // which rows
    where a = :a
  }
}
)");
  const Namespace& ns = s.namespaces.at(0);
  CHECK(s.tables[0].trivia.before == std::vector<std::string>{" the table"});
  CHECK(ns.tail_comments == std::vector<std::string>{" end of block"});
  CHECK(ns.trivia.after == " closing");
  // Comments inside a declaration with no place for them move above it.
  CHECK(s.enums[0].trivia.before == std::vector<std::string>{" the buyer"});
  CHECK(s.tables[1].queries[0].trivia.before == std::vector<std::string>{" which rows"});
  CHECK(s.tables[1].queries[0].where == "a = :a");
}

TEST_CASE("parse: a doc comment that documents nothing is a warning and is kept") {
  ParseResult r = parse_text("table t {\n  a int\n  /// dangling\n}\n");
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].severity == Diagnostic::Severity::warning);
  CHECK(r.diags[0].message == "doc comment documents nothing; it is kept as an ordinary comment");
  check_loc(r.diags[0].loc, 3, 3);
  CHECK(r.schema.tables[0].tail_comments == std::vector<std::string>{"/ dangling"});
}

// ---- syntax errors ------------------------------------------------------------------------------------------------

TEST_CASE("parse error: a column without a type") {
  const std::string text = "table book {\n  bid_price\n  bid_qty numeric(20,8)\n}\n";
  Diagnostic d = one_error(text);
  CHECK(d.message == "expected a column type after \"bid_price\"");
  check_loc(d.loc, 2, 12);
  CHECK(!d.hint.empty());
  CHECK(render_diagnostic(d, text) ==
        "schema.dsl:2:12: error: expected a column type after \"bid_price\"\n"
        "    bid_price\n"
        "             ^\n"
        "  hint: write a column as \"name type\", e.g. \"price numeric(20,8)\"\n");
}

TEST_CASE("parse error: the last column without a type") {
  Diagnostic d = one_error("table t {\n  a int\n  bid_price\n}");
  CHECK(d.message == "expected a column type after \"bid_price\"");
  check_loc(d.loc, 3, 12);
}

TEST_CASE("parse error: a missing closing brace at the end of the file") {
  Diagnostic d = one_error("table symbols {\n  id int\n");
  CHECK(d.message == "missing \"}\" to close table \"symbols\"");
  check_loc(d.loc, 2, 9);
}

TEST_CASE("parse error: a missing closing brace before the next table") {
  Diagnostic d = one_error("table a {\n  x int\n\ntable b { y int }\n");
  CHECK(d.message == "missing \"}\" to close table \"a\"");
  check_loc(d.loc, 2, 8);
  CHECK(d.hint.find("line 4") != std::string::npos);
}

TEST_CASE("parse error: a stray word after a column names the word and the column") {
  Diagnostic d = one_error("table t {\n  a int xyz\n  b int\n}");
  CHECK(d.message == "unexpected \"xyz\" after column \"a\"");
  check_loc(d.loc, 2, 9);
}

TEST_CASE("parse error: a misspelt keyword gets a did-you-mean hint") {
  Diagnostic col = one_error("table t {\n  a int refrences u(id)\n}");
  CHECK(col.message == "unexpected \"refrences\" after column \"a\"");
  CHECK(col.hint == "did you mean \"references\"?");
  Diagnostic top = one_error("tabel t { a int }");
  CHECK(top.message == "unexpected \"tabel\"");
  CHECK(top.hint == "did you mean \"table\"?");
  check_loc(top.loc, 1, 1);
  Diagnostic fk = one_error("table t {\n  a int\n  foreign key (a) refrences b\n}");
  CHECK(fk.message == "unexpected \"refrences\" in table \"t\"");
  check_loc(fk.loc, 3, 19);
}

TEST_CASE("parse error: a keyword followed by what cannot follow it") {
  struct Row {
    const char* text;
    const char* message;
    uint32_t line, col;
  };
  const Row rows[] = {
      {"table t { a int default }", "expected a default value (a literal, a call such as now(), or a parenthesised "
                                    "SQL expression) after \"default\", found \"}\"", 1, 25},
      {"table t { a int primary }", "expected \"key\" after \"primary\", found \"}\"", 1, 25},
      {"table t { a int references u on delete nothing }",
       "expected cascade, restrict, set null, set default or no action after \"delete\", found \"nothing\"", 1, 40},
      {"table t { ts timestamptz\n hypertable on ts { chunk_interval days } }",
       "expected a time span such as \"30 minutes\" after \"chunk_interval\", found \"days\"", 2, 36},
      {"table t { a int\n query q(a) -> some { } }", "expected \"one\" or \"many\" after \"->\", found \"some\"", 2, 16},
  };
  for (auto& row : rows) {
    CAPTURE(row.text);
    Diagnostic d = one_error(row.text);
    CHECK(d.message == row.message);
    CHECK(d.loc.line == row.line);
    CHECK(d.loc.col == row.col);
  }
}

TEST_CASE("parse error: missing names after keywords") {
  Diagnostic ref = one_error("table u { b int references }");
  CHECK(ref.message == "expected a table name after \"references\"");
  check_loc(ref.loc, 1, 27);
  Diagnostic ext = one_error("extension");
  CHECK(ext.message == "expected an extension name after \"extension\", found the end of the file");
}

TEST_CASE("parse error: an unclosed parenthesis") {
  Diagnostic check = one_error("table t { a int check (a > 0 }\ntable u { x int }");
  CHECK(check.message == "missing \")\" after \"0\"");
  CHECK(check.hint == "the \"(\" at line 1 column 23 is not closed");
  check_loc(check.loc, 1, 29);
  Diagnostic type = one_error("table t {\n  a numeric(20,\n  b int\n}");
  CHECK(type.message == "missing \")\" after \",\"");
  check_loc(type.loc, 2, 16);
}

TEST_CASE("parse error: separators that the language does not use") {
  Diagnostic comma = one_error("table u { x int, y int }");
  CHECK(comma.message == "unexpected \",\" in table \"u\"");
  CHECK(comma.hint.find("commas") != std::string::npos);
  Diagnostic labels = one_error("enum e { a b }");
  CHECK(labels.message == "unexpected \"b\" in enum \"e\"");
  CHECK(labels.hint.find("commas") != std::string::npos);
}

TEST_CASE("parse error: every syntax error in a file is reported, each once, in order") {
  const std::string text =
      "table a {\n"
      "  x int xyz\n"
      "  y int\n"
      "}\n"
      "table b {\n"
      "  p int primary\n"
      "}\n"
      "enum e { one two }\n"
      "table c { z int default }\n";
  ParseResult r = parse_text(text);
  INFO(rendered(r, text));
  REQUIRE(r.diags.size() == 4);
  CHECK(r.diags[0].loc.line == 2);
  CHECK(r.diags[0].message == "unexpected \"xyz\" after column \"x\"");
  CHECK(r.diags[1].loc.line == 7);
  CHECK(r.diags[1].message == "expected \"key\" after \"primary\", found \"}\"");
  CHECK(r.diags[2].loc.line == 8);
  CHECK(r.diags[3].loc.line == 9);
  // The declarations around the mistakes are still there, for tools that show partial results.
  CHECK(r.schema.tables.size() == 3);
  CHECK(r.schema.enums.size() == 1);
}

TEST_CASE("parse error: duplicated column settings the model cannot hold") {
  Diagnostic d = one_error("table t { a int default 1 default 2 }");
  CHECK(d.message == "column \"a\" has more than one default");
  check_loc(d.loc, 1, 27);
  Diagnostic h = one_error("table t { ts int\n hypertable on ts { retention 1 retention 2 } }");
  CHECK(h.message == "retention is set twice");
}

TEST_CASE("parse: never throws on arbitrary bytes") {
  const std::string inputs[] = {"\x01\x02\xff{", "table", "table {", "}}}}", "((((", "'unterminated", "table t { a ",
                                "///", "table t { query q( -> one { where } }", std::string(1, '\0') + "table"};
  for (auto& in : inputs) {
    CAPTURE(in);
    ParseResult r;
    CHECK_NOTHROW(r = parse_text(in));
    if (in != "///") CHECK(has_errors(r.diags));
  }
}

// ---- crashes, limits and encoding ---------------------------------------------------------------------------------

// Every diagnostic has a place (the fuzzing property "every error located").
void all_located(const ParseResult& r) {
  for (auto& d : r.diags) {
    CAPTURE(d.message);
    CHECK(d.loc.file == "schema.dsl");
    CHECK(d.loc.line > 0);
    CHECK(d.loc.col > 0);
  }
}

TEST_CASE("parse error: a table without a name is reported, not a crash") {
  Diagnostic d = one_error("table {\n}\n");
  CHECK(d.message == "expected a table name after \"table\"");
  check_loc(d.loc, 1, 6);
  Diagnostic in_schema = one_error("schema s {\n  table {\n    a int\n  }\n}\n");
  CHECK(in_schema.message == "expected a table name after \"table\"");
  check_loc(in_schema.loc, 2, 8);
}

TEST_CASE("parse: every prefix of a schema gives located errors, never a crash") {
  // Each cut leaves some optional child out (names, types, values, closing brackets): the shapes the fuzzer found.
  const std::string text = R"(extension timescaledb
enum side { buy, 'sell' }
/// doc
@renamed_from(old_t)
table s.t {
  id bigint identity always primary key
  a numeric(20,8)? default (1 + 2)::numeric check (a > 0) references u(id) on delete set null
  ts timestamptz default now()
  foreign key fk (a) references u (id) on update cascade
  unique index ix using btree (lower(x) desc nulls first) include (a) where (a > 0)
  hypertable on ts { chunk_interval 1 day retention 7 days compression { segment_by a order_by ts desc after 2 days } }
  query q(a, b int) -> many (id) { where a = :a order by ts desc limit :b }
}
)";
  for (size_t n = 0; n <= text.size(); ++n) {
    CAPTURE(text.substr(0, n));
    ParseResult r;
    REQUIRE_NOTHROW(r = parse_text(text.substr(0, n)));
    all_located(r);
  }
}

TEST_CASE("parse error: 50,000 unclosed parentheses are one located error") {
  Diagnostic d = one_error("table t {\n  a int check " + std::string(50'000, '(') + "\n}\n");
  CHECK(d.message == "missing \")\" after \"}\"");
  CHECK(d.hint == "the \"(\" at line 2 column 15 is not closed");
}

// A check nested `parens` deep. Its tree: source_file (depth 0), table, column, inline_check, then a paren_sql per
// parenthesis, whose tokens ("(", the expression, ")") are one level deeper: the innermost at depth parens + 4.
std::string check_nested(size_t parens, const std::string& inside) {
  return "table t {\n  a int check " + std::string(parens, '(') + inside + std::string(parens, ')') + "\n}\n";
}

TEST_CASE("parse: nesting is read up to max_nesting_depth levels and refused past it, at the first deeper level") {
  size_t fits = max_nesting_depth - 4;
  ok(check_nested(fits, "a > 0"));
  Diagnostic d = one_error(check_nested(fits + 1, "a > 0"));
  CHECK(d.message == fmt::format("nested deeper than {} levels", max_nesting_depth));
  check_loc(d.loc, 2, static_cast<uint32_t>(14 + fits + 1));  // the innermost "(", the first token too deep
  CHECK(!d.hint.empty());
}

TEST_CASE("parse error: an error inside deep nesting is found by a walk, not by parent searches") {
  // Within the limit the error walk sees 990 levels of ancestors; far past it (20,000) one error says so.
  Diagnostic inside = one_error("table t {\n  a int default f" + std::string(990, '(') + "\n  b int\n}\n");
  CHECK(inside.message.starts_with("missing \")\""));
  Diagnostic deep = one_error(check_nested(20'000, "a >"));
  CHECK(deep.message == fmt::format("nested deeper than {} levels", max_nesting_depth));
  Diagnostic broken = one_error(check_nested(20'000, "}") + "table");
  CHECK(broken.message == fmt::format("nested deeper than {} levels", max_nesting_depth));
}

TEST_CASE("parse error: a file past max_source_bytes is refused where it passes the limit") {
  std::string line = "// " + std::string(60, 'x') + "\n";  // 64 bytes
  std::string text;
  text.reserve(max_source_bytes + line.size());
  while (text.size() <= max_source_bytes) text += line;
  Diagnostic d = one_error(text);
  CHECK(d.message.starts_with(fmt::format("the file is larger than {} MiB", max_source_bytes >> 20)));
  check_loc(d.loc, static_cast<uint32_t>(max_source_bytes / line.size() + 1), 1);
}

TEST_CASE("parse error: bytes that are not UTF-8 are refused up front at the first one, in names, strings and comments") {
  struct Row {
    std::string text;
    uint32_t line, col;
    std::string byte;
  };
  const Row rows[] = {
      {"table \"t\xff\" {\n  a int\n}\n", 1, 9, "0xFF"},                          // a quoted name
      {"table t {\n  a text default 'caf\xe9'\n}\n", 2, 22, "0xE9"},              // Latin-1 in a string
      {"// \xc3\xa9t\xc3\xa9 \xe9t\xe9\ntable t {\n  a int\n}\n", 1, 8, "0xE9"},  // a comment, after good é
      {"table t {\n  a int\n}\n// overlong \xc0\xaf\n", 4, 13, "0xC0"},
      {"table t {\n  \xed\xa0\x80 int\n}\n", 2, 3, "0xED"},                       // a surrogate
      {"table t {\n  a int\n}\n// past U+10FFFF \xf4\x90\x80\x80", 4, 18, "0xF4"},
      {"table t {\n  a int\n}\n// cut short \xe6\x97", 4, 14, "0xE6"},
  };
  for (auto& row : rows) {
    CAPTURE(row.text);
    Diagnostic d = one_error(row.text);
    CHECK(d.message.starts_with("invalid UTF-8: byte " + row.byte + " does not begin a well-formed character"));
    check_loc(d.loc, row.line, row.col);
    CHECK(d.hint.find("UTF-8") != std::string::npos);
  }
  Diagnostic more = one_error("table \"\xff\xfe\" {\n  a int\n}\n// \xff\n");
  CHECK(more.message.ends_with("(2 more bad bytes follow)"));
  Diagnostic nul = one_error(std::string("table t {\n  a int\0\n}\n", 20));
  CHECK(nul.message == "a NUL byte in the file");
  check_loc(nul.loc, 2, 8);
  ok("table \"日本\" {\n  \"😀\" text default 'é'  // ✓\n}\n");  // well-formed characters of 2, 3 and 4 bytes
}

TEST_CASE("parse error: empty names and empty enum labels") {
  ParseResult r = parse_text("table \"\" {\n  \"\" int\n}\nenum e { a, '' }\n");
  INFO(rendered(r, "table \"\" {\n  \"\" int\n}\nenum e { a, '' }\n"));
  REQUIRE(r.diags.size() == 3);
  CHECK(r.diags[0].message == "empty name \"\"");
  check_loc(r.diags[0].loc, 1, 7);
  CHECK(r.diags[1].message == "empty name \"\"");
  check_loc(r.diags[1].loc, 2, 3);
  CHECK(r.diags[2].message == "empty label in enum \"e\"");
  check_loc(r.diags[2].loc, 4, 13);
  Diagnostic ref = one_error("table t {\n  a int references \"\"\n}\n");
  CHECK(ref.message == "empty name \"\"");
  // A name that is one double quote is not empty.
  CHECK(one_table("table \"\"\"\" { a int }").name == "\"");
}

// ---- the language reference example -------------------------------------------------------------------------------

TEST_CASE("parse: the dsl.md example parses whole") {
  Schema s = ok(R"(// schema.dsl — CEX arbitrage engine

extension timescaledb

enum market_type { spot, futures }

/// Exchanges we connect to, one row per market type.
table exchanges {
  id            int identity primary key
  enum_value    varchar(50) unique
  exchange_name varchar(50)
  market_type   market_type
  created_at    timestamptz default now()

  check chk_enum_format (enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$')
}

table symbols {
  id              int identity primary key
  exchange_id     int references exchanges(id) on delete cascade
  symbol_base     varchar(20)
  symbol_quote    varchar(20)
  exchange_symbol varchar(50)
  tick_size       numeric(20,8)?
  is_active       bool default true

  unique (exchange_id, symbol_base, symbol_quote)
  index (exchange_id)
}

/// Best bid/ask snapshots, high frequency.
table book_ticker_snapshots {
  timestamp  timestamptz
  symbol_id  int references symbols(id)
  bid_price  numeric(20,8) check (bid_price > 0)
  bid_qty    numeric(20,8)
  ask_price  numeric(20,8)
  ask_qty    numeric(20,8)

  primary key (timestamp, symbol_id)
  index (symbol_id, timestamp desc)

  hypertable on timestamp {
    chunk_interval 30 minutes
    retention      7 days
    compression    { segment_by symbol_id  order_by timestamp desc  after 1 day }
  }

  query latest_for_symbol(symbol_id) -> one {
    where symbol_id = :symbol_id order by timestamp desc limit 1
  }
  query window_for_symbol(symbol_id, from, to) -> many {
    where symbol_id = :symbol_id and timestamp >= :from and timestamp < :to order by timestamp
  }
}

schema workspace {
  table order_history { id bigint identity primary key }
}
)");
  REQUIRE(s.tables.size() == 4);
  const Table& ex = s.tables[0];
  CHECK(ex.columns.size() == 5);
  REQUIRE(ex.constraints.size() == 3);
  CHECK(ex.constraints[2].name == "chk_enum_format");
  CHECK_FALSE(ex.constraints[2].inline_form);
  const Table& sym = s.tables[1];
  CHECK(sym.columns.size() == 7);
  CHECK(sym.constraints.size() == 3);
  CHECK(sym.indexes.size() == 1);
  const Table& book = s.tables[2];
  CHECK(book.comment == "Best bid/ask snapshots, high frequency.");
  CHECK(book.constraints.size() == 3);
  CHECK(book.indexes.size() == 1);
  CHECK(book.indexes[0].keys[1].desc);
  CHECK(book.hypertable.has_value());
  CHECK(book.queries.size() == 2);
  CHECK(s.tables[3].schema == "workspace");
  CHECK(s.extensions[0].trivia.before == std::vector<std::string>{" schema.dsl — CEX arbitrage engine"});
}

TEST_CASE("parse: constraint options, index storage parameters, NULLS NOT DISTINCT and key collations") {
  Table t = one_table(R"(table t {
  a int
  b int?
  c text
  d int

  primary key (a) deferrable initially deferred
  unique u (b, c) nulls not distinct deferrable
  foreign key (d) references t(a) match full on delete cascade initially deferred
  check k (a > 0) no inherit
  check (a < 9)
  "no" int

  unique index (c collate "C" text_pattern_ops desc) nulls not distinct with (fillfactor = 70, deduplicate_items = off)
  index using gin (c) with (fastupdate = 'off')
})");
  REQUIRE(t.constraints.size() == 5);
  CHECK(t.constraints[0].deferrable);
  CHECK(t.constraints[0].initially_deferred);
  CHECK(t.constraints[1].nulls_not_distinct);
  CHECK(t.constraints[1].deferrable);
  CHECK_FALSE(t.constraints[1].initially_deferred);
  CHECK(t.constraints[2].match_full);
  CHECK(t.constraints[2].deferrable);  // initially deferred implies it, as in PostgreSQL
  CHECK(t.constraints[2].on_delete == FkAction::cascade);
  CHECK(t.constraints[3].no_inherit);
  CHECK_FALSE(t.constraints[4].no_inherit);
  // A column named like an option's first word, right after a constraint, is written quoted.
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[4].name == "no");
  REQUIRE(t.indexes.size() == 2);
  CHECK(t.indexes[0].nulls_not_distinct);
  CHECK(t.indexes[0].keys[0].collation == "C");
  CHECK(t.indexes[0].keys[0].opclass == "text_pattern_ops");
  CHECK(t.indexes[0].storage ==
        std::vector<std::pair<std::string, std::string>>{{"fillfactor", "70"}, {"deduplicate_items", "off"}});
  CHECK(t.indexes[1].storage == std::vector<std::pair<std::string, std::string>>{{"fastupdate", "off"}});
}

TEST_CASE("parse: an option where PostgreSQL does not allow it is an error naming where it fits") {
  CHECK(one_error("table t {\n  a int\n  check (a > 0) deferrable\n}\n").message ==
        "\"deferrable\" applies only to primary keys, unique, exclusion and foreign key constraints");
  CHECK(one_error("table t {\n  a int\n  unique (a) match full\n}\n").message ==
        "\"match full\" applies only to foreign keys");
  CHECK(one_error("table t {\n  a int\n  primary key (a) no inherit\n}\n").message ==
        "\"no inherit\" applies only to check constraints");
  Diagnostic inline_option = one_error("table t {\n  a int check (a > 0) no inherit\n}\n");
  CHECK(inline_option.message == "a check of column \"a\" cannot have options");
  CHECK(inline_option.loc.line == 2);
  CHECK(one_error("table t {\n  a int\n  check (a > 0) deferrable\n  check (a < 9)\n}\n").message ==
        "\"deferrable\" applies only to primary keys, unique, exclusion and foreign key constraints");
  CHECK(one_error("table t {\n  a int\n  primary key (a) nulls not distinct\n}\n").message ==
        "\"nulls not distinct\" applies only to unique constraints");
  CHECK(one_error("table t {\n  a int\n  index (a) nulls not distinct\n}\n").message ==
        "\"nulls not distinct\" applies only to unique indexes");
  Diagnostic twice = one_error("table t {\n  a int\n  index (a) with (fillfactor = 70, FillFactor = 80)\n}\n");
  CHECK(twice.message == "storage parameter \"fillfactor\" is given twice");
  CHECK(twice.loc.line == 3);
}

TEST_CASE("parse: \"char\" quoted is PostgreSQL's one-byte internal type, char is char(1)") {
  Table t = one_table("table t {\n  flag \"char\"\n  c    char\n}\n");
  CHECK(t.columns[0].type.name == "\"char\"");
  CHECK(t.columns[1].type.name == "char");
}

TEST_CASE("parse: an exclusion constraint keeps its keys, operators, method, predicate and options") {
  Table t = one_table(R"(table bookings {
  room   int
  during tstzrange
  exclude using gist (room with =, during with &&) where (room > 0) deferrable initially deferred
  exclude no_dup (lower(during) with =, room gist_int4_ops desc with -|-)
  exclude ("order" with =)
}
)");
  REQUIRE(t.constraints.size() == 3);
  const Constraint& a = t.constraints[0];
  CHECK(a.kind == Constraint::Kind::exclusion);
  CHECK(a.method == "gist");
  REQUIRE(a.elements.size() == 2);
  CHECK(a.elements[0].column == "room");
  CHECK(a.elements[0].op == "=");
  CHECK(a.elements[1].op == "&&");
  CHECK(a.where == "room > 0");
  CHECK(a.deferrable);
  CHECK(a.initially_deferred);
  const Constraint& b = t.constraints[1];
  CHECK(b.name == "no_dup");
  CHECK(b.method == "btree");  // PostgreSQL's default when USING is left out
  CHECK(b.elements[0].expr == "lower(during)");
  CHECK(b.elements[1].opclass == "gist_int4_ops");
  CHECK(b.elements[1].desc);
  CHECK(b.elements[1].op == "-|-");
  CHECK(t.constraints[2].elements[0].column == "order");
  CHECK(one_error("table t {\n  a int\n  exclude (a with =) no inherit\n}\n").message ==
        "\"no inherit\" applies only to check constraints");
  CHECK(one_error("table t {\n  a int\n  exclude (a with =) where (a >)\n}\n").loc.line == 3);
}

// diff: hypertables, chunk intervals, retention and compression, editions.
#include <doctest/doctest.h>

#include "plan/diff.hpp"
#include "plan_builders.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {
Table ticks(bool hyper = true) {
  Table t = table("public", "ticks", {col("ts", ty("timestamptz")), col("symbol_id", ty("int")), col("price", ty("numeric"))},
                  {pk("ticks_pkey", {"ts", "symbol_id"})}, {idx("ticks_symbol_id_ts_idx", {key("symbol_id"), key("ts", true)})});
  if (hyper) {
    t.hypertable = Hypertable{};
    t.hypertable->time_column = "ts";
    t.hypertable->chunk_interval = minutes(30);
  }
  return t;
}

Schema one(Table t) { return schema_of({std::move(t)}); }

Compression comp(std::vector<std::string> seg, std::optional<Span> after = {}) {
  Compression c;
  c.segment_by = std::move(seg);
  c.order_by = {OrderItem{"ts", true}};
  c.after = after;
  return c;
}
}  // namespace

TEST_CASE("timescale: a new hypertable is converted right after CREATE TABLE, before its indexes") {
  Plan p = diff({}, one(ticks()));
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].description == "create table public.ticks as a hypertable on ts");
  CHECK(p.changes[0].up == std::vector<std::string>{
                               "CREATE TABLE public.ticks (\n  ts timestamptz NOT NULL,\n  symbol_id int NOT NULL,\n"
                               "  price numeric NOT NULL,\n  CONSTRAINT ticks_pkey PRIMARY KEY (ts, symbol_id)\n);",
                               "SELECT create_hypertable('public.ticks', by_range('ts', INTERVAL '30 minutes'), "
                               "create_default_indexes => false);",
                               "CREATE INDEX ticks_symbol_id_ts_idx ON public.ticks (symbol_id, ts DESC);"});
  CHECK(p.changes[0].down == std::vector<std::string>{"DROP TABLE public.ticks;"});
}

TEST_CASE("timescale: making an existing table a hypertable - DOWN rebuilds a plain table") {
  Table plain = ticks(false);
  Table ref = simple("alerts", {col("ts", ty("timestamptz")), col("symbol_id", ty("int"))});
  ref.constraints.push_back(fk("alerts_ts_symbol_id_fkey", {"ts", "symbol_id"}, "ticks", {"ts", "symbol_id"}));
  plain.comment = "quotes";
  Table hyper = ticks();
  hyper.comment = "quotes";
  Plan p = diff(schema_of({plain, ref}), schema_of({hyper, ref}));
  REQUIRE(p.changes.size() == 1);
  const Change& c = p.changes[0];
  CHECK(kind_name(c.kind) == std::string("create_hypertable"));
  CHECK(c.up == std::vector<std::string>{"SELECT create_hypertable('public.ticks', by_range('ts', INTERVAL '30 minutes'), "
                                         "create_default_indexes => false, migrate_data => true);"});
  CHECK(c.down == std::vector<std::string>{
                      "ALTER TABLE public.alerts DROP CONSTRAINT alerts_ts_symbol_id_fkey;",
                      "ALTER TABLE public.ticks RENAME TO ticks_schemac_old;",
                      "ALTER INDEX public.ticks_pkey RENAME TO ticks_pkey_schemac_old;",
                      "ALTER INDEX public.ticks_symbol_id_ts_idx RENAME TO ticks_symbol_id_ts_idx_schemac_old;",
                      "CREATE TABLE public.ticks (\n  ts timestamptz NOT NULL,\n  symbol_id int NOT NULL,\n"
                      "  price numeric NOT NULL,\n  CONSTRAINT ticks_pkey PRIMARY KEY (ts, symbol_id)\n);",
                      "INSERT INTO public.ticks (ts, symbol_id, price) SELECT ts, symbol_id, price FROM "
                      "public.ticks_schemac_old;",
                      "DROP TABLE public.ticks_schemac_old;",
                      "CREATE INDEX ticks_symbol_id_ts_idx ON public.ticks (symbol_id, ts DESC);",
                      "ALTER TABLE public.alerts ADD CONSTRAINT alerts_ts_symbol_id_fkey FOREIGN KEY (ts, symbol_id) "
                      "REFERENCES public.ticks (ts, symbol_id);",
                      "COMMENT ON TABLE public.ticks IS 'quotes';"});
  CHECK(c.rewrites);
  CHECK(c.lock == Lock::access_exclusive);
  // And back: the rebuild is the UP, create_hypertable the DOWN.
  Plan r = diff(schema_of({hyper, ref}), schema_of({plain, ref}));
  REQUIRE(r.changes.size() == 1);
  CHECK(kind_name(r.changes[0].kind) == std::string("drop_hypertable"));
  CHECK(r.changes[0].up == c.down);
  CHECK(r.changes[0].down == c.up);
}

TEST_CASE("timescale: chunk interval, retention and compression changes, both directions") {
  struct Case {
    const char* name;
    Table a, b;
    std::vector<std::string> kinds, up, down;
  };
  Table base = ticks();
  Table hour = ticks();
  hour.hypertable->chunk_interval = minutes(60);
  Table ret7 = ticks(), ret14 = ticks();
  ret7.hypertable->retention = days(7);
  ret14.hypertable->retention = days(14);
  Table c1 = ticks(), c1p = ticks(), c2p = ticks();
  c1.hypertable->compression = comp({"symbol_id"});
  c1p.hypertable->compression = comp({"symbol_id"}, days(1));
  c2p.hypertable->compression = comp({}, days(1));
  std::vector<Case> cases = {
      {"chunk interval", base, hour, {"set_chunk_interval"},
       {"SELECT set_chunk_time_interval('public.ticks', INTERVAL '1 hour');"},
       {"SELECT set_chunk_time_interval('public.ticks', INTERVAL '30 minutes');"}},
      {"add retention", base, ret7, {"add_retention"},
       {"SELECT add_retention_policy('public.ticks', drop_after => INTERVAL '7 days');"},
       {"SELECT remove_retention_policy('public.ticks', if_exists => true);"}},
      {"change retention: remove, then add", ret7, ret14, {"change_retention"},
       {"SELECT remove_retention_policy('public.ticks', if_exists => true);",
        "SELECT add_retention_policy('public.ticks', drop_after => INTERVAL '14 days');"},
       {"SELECT remove_retention_policy('public.ticks', if_exists => true);",
        "SELECT add_retention_policy('public.ticks', drop_after => INTERVAL '7 days');"}},
      {"enable compression", base, c1, {"enable_compression"},
       {"ALTER TABLE public.ticks SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', "
        "timescaledb.compress_orderby = 'ts DESC');"},
       {"SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.ticks') c;",
        "ALTER TABLE public.ticks SET (timescaledb.compress = false);"}},
      {"compression policy", c1, c1p, {"add_compression_policy"},
       {"SELECT add_compression_policy('public.ticks', compress_after => INTERVAL '1 day');"},
       {"SELECT remove_compression_policy('public.ticks', if_exists => true);"}},
      {"compression settings", c1p, c2p, {"change_compression"},
       {"SELECT remove_compression_policy('public.ticks', if_exists => true);",
        "SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.ticks') c;",
        "ALTER TABLE public.ticks SET (timescaledb.compress, timescaledb.compress_segmentby = '', "
        "timescaledb.compress_orderby = 'ts DESC');",
        "SELECT add_compression_policy('public.ticks', compress_after => INTERVAL '1 day');"},
       {"SELECT remove_compression_policy('public.ticks', if_exists => true);",
        "SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.ticks') c;",
        "ALTER TABLE public.ticks SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', "
        "timescaledb.compress_orderby = 'ts DESC');",
        "SELECT add_compression_policy('public.ticks', compress_after => INTERVAL '1 day');"}},
  };
  for (auto& c : cases) {
    CAPTURE(c.name);
    Plan p = diff(one(c.a), one(c.b));
    REQUIRE(p.changes.size() == 1);
    CHECK(kinds(p) == c.kinds);
    CHECK(p.changes[0].up == c.up);
    CHECK(p.changes[0].down == c.down);
    CHECK_FALSE(p.changes[0].destructive);
    Plan r = diff(one(c.b), one(c.a));
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].up == c.down);
    CHECK(r.changes[0].down == c.up);
  }
  Plan h = diff(one(base), one(hour));
  CHECK(h.changes[0].description ==
        "set chunk interval of public.ticks to 1 hour (was 30 minutes; affects only chunks created from now on)");
  // Shorter retention deletes data sooner: a warning, not a refusal.
  Plan s = diff(one(ret14), one(ret7));
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].severity == Diagnostic::Severity::warning);
  CHECK_FALSE(has_errors(s.diagnostics));
  // Removing everything from a hypertable that stays one: policy before compression.
  Table full = c1p;
  full.hypertable->retention = days(7);
  Plan off = diff(one(full), one(base));
  CHECK(kinds(off) == std::vector<std::string>{"remove_compression_policy", "disable_compression", "remove_retention"});
}

TEST_CASE("timescale: a new hypertable's policies follow the table - dropping it removes them first") {
  Table t = ticks();
  t.hypertable->retention = days(7);
  t.hypertable->compression = comp({"symbol_id"}, days(1));
  Plan p = diff({}, one(t));
  CHECK(kinds(p) == std::vector<std::string>{"create_table", "enable_compression", "add_compression_policy", "add_retention"});
  Plan r = diff(one(t), {}, allow());
  CHECK(kinds(r) == std::vector<std::string>{"remove_retention", "remove_compression_policy", "disable_compression", "drop_table"});
  // Undoing the drop recreates the table, then its compression and policies.
  std::string down = plan_down_sql(r);
  CHECK(down.find("CREATE TABLE public.ticks") < down.find("create_hypertable"));
  CHECK(down.find("create_hypertable") < down.find("timescaledb.compress,"));
  CHECK(down.find("timescaledb.compress,") < down.find("add_compression_policy"));
  CHECK(down.find("add_compression_policy") < down.find("add_retention_policy"));
}

TEST_CASE("timescale: indexes on existing hypertables never use CONCURRENTLY") {
  Table a = ticks(), b = ticks();
  b.indexes.push_back(idx("ticks_price_idx", {key("price")}));
  b.indexes.push_back(idx("ticks_ts_price_key", {key("ts"), key("price")}, true));
  Plan p = diff(one(a), one(b));
  REQUIRE(p.changes.size() == 2);
  CHECK(p.changes[0].up[0] == "CREATE INDEX ticks_price_idx ON public.ticks (price) WITH (timescaledb.transaction_per_chunk);");
  CHECK_FALSE(p.changes[0].transactional);
  CHECK(p.changes[1].up[0] == "CREATE UNIQUE INDEX ticks_ts_price_key ON public.ticks (ts, price);");
  CHECK(p.changes[1].transactional);
  // The index create_hypertable once made by itself is never dropped.
  Table old = ticks();
  old.indexes.push_back(idx("ticks_ts_idx", {key("ts", true)}));
  CHECK(diff(one(old), one(ticks())).empty());
  // Nor the numbered one PostgreSQL names it on a clash; another index on the time column is an index like any.
  Table numbered = ticks();
  numbered.indexes.push_back(idx("ticks_ts_idx1", {key("ts", true)}));
  CHECK(diff(one(numbered), one(ticks())).empty());
  Table ascending = ticks();
  ascending.indexes.push_back(idx("ticks_ts_idx", {key("ts")}));
  CHECK(diff(one(ascending), one(ticks()), allow()).changes.size() == 1);
  // Declared, it is created like any index (create_hypertable is told not to make its own).
  Table declared = ticks();
  declared.indexes.push_back(idx("ticks_ts_idx", {key("ts", true)}));
  Plan add = diff(one(ticks()), one(declared), allow());
  REQUIRE(add.changes.size() == 1);
  CHECK(add.changes[0].kind == Change::Kind::create_index);
}

TEST_CASE("timescale: column changes on a compressed hypertable are refused with the way out") {
  Table a = ticks(), b = ticks();
  a.hypertable->compression = comp({"symbol_id"});
  b.hypertable->compression = comp({"symbol_id"});
  b.columns[2].type = ty("double precision");
  Plan p = diff(one(a), one(b), allow());
  REQUIRE(has_errors(p.diagnostics));
  CHECK(p.diagnostics[0].message ==
        "cannot change the type of price on public.ticks: TimescaleDB does not allow it while compression is enabled");
  CHECK(p.diagnostics[0].hint.find("remove the compression block") != std::string::npos);
}

TEST_CASE("timescale: editions") {
  Table a = ticks(), b = ticks();
  b.hypertable->retention = days(7);
  DiffOptions apache;
  apache.edition = Edition::apache;
  Plan refused = diff(one(a), one(b), apache);
  REQUIRE(has_errors(refused.diagnostics));
  CHECK(refused.diagnostics[0].message ==
        "a retention policy on public.ticks needs TimescaleDB's Timescale license, but the server runs the Apache "
        "edition");
  CHECK(refused.diagnostics[0].hint.find("--retention-via-cron") != std::string::npos);

  apache.apache_retention_via_cron = true;
  Plan cron = diff(one(a), one(b), apache);
  CHECK_FALSE(has_errors(cron.diagnostics));
  REQUIRE(cron.changes.size() == 1);
  CHECK(cron.changes[0].up == std::vector<std::string>{
                                  "SELECT cron.schedule('schemac_retention_public_ticks', '0 * * * *', 'SELECT "
                                  "drop_chunks(''public.ticks'', older_than => INTERVAL ''7 days'')');"});
  CHECK(cron.changes[0].down == std::vector<std::string>{"SELECT cron.unschedule('schemac_retention_public_ticks');"});
  REQUIRE(cron.diagnostics.size() == 1);  // pg_cron is not declared
  CHECK(cron.diagnostics[0].severity == Diagnostic::Severity::warning);

  Table c = ticks();
  c.hypertable->compression = comp({"symbol_id"});
  Plan comp_refused = diff(one(a), one(c), apache);
  CHECK(has_errors(comp_refused.diagnostics));

  for (Edition e : {Edition::unknown, Edition::timescale}) {
    DiffOptions o;
    o.edition = e;
    Plan p = diff(one(a), one(b), o);
    CHECK(p.diagnostics.empty());
    CHECK(p.changes[0].up[0] == "SELECT add_retention_policy('public.ticks', drop_after => INTERVAL '7 days');");
  }
}

namespace {
// An integer-time hypertable partitioned by hash of symbol_id and by range of ts, its integer_now public.ticks_now.
Table partitioned(int64_t partitions = 4, Span interval = days(1)) {
  Table t = table("public", "ticks", {col("n", ty("bigint")), col("symbol_id", ty("int")), col("ts", ty("timestamptz"))});
  t.hypertable = hyper("n");
  t.hypertable->chunk_interval = integer(1000);
  t.hypertable->dimensions = {hash_dim("symbol_id", partitions), range_dim("ts", interval)};
  t.hypertable->integer_now = "ticks_now";
  return t;
}
}  // namespace

TEST_CASE("timescale: a new hypertable gets its dimensions and integer_now right after create_hypertable") {
  Table t = partitioned();
  t.hypertable->retention = integer(5000);
  Plan p = diff({}, one(t));
  CHECK(kinds(p) == std::vector<std::string>{"create_table", "add_retention"});
  CHECK(p.changes[0].up == std::vector<std::string>{
                               "CREATE TABLE public.ticks (\n  n bigint NOT NULL,\n  symbol_id int NOT NULL,\n"
                               "  ts timestamptz NOT NULL\n);",
                               "SELECT create_hypertable('public.ticks', by_range('n', 1000), create_default_indexes "
                               "=> false);",
                               "SELECT add_dimension('public.ticks', by_hash('symbol_id', 4));",
                               "SELECT add_dimension('public.ticks', by_range('ts', INTERVAL '1 day'));",
                               "SELECT set_integer_now_func('public.ticks', 'public.ticks_now');"});
  CHECK(p.changes[0].down == std::vector<std::string>{"DROP TABLE public.ticks;"});
  CHECK(p.diagnostics.empty());
  // Made from an existing table: the same calls after create_hypertable's migrate_data.
  Table plain = t;
  plain.hypertable.reset();
  Plan m = diff(one(plain), one(partitioned()));
  REQUIRE(kinds(m) == std::vector<std::string>{"create_hypertable"});
  CHECK(m.changes[0].up == std::vector<std::string>{
                               "SELECT create_hypertable('public.ticks', by_range('n', 1000), create_default_indexes "
                               "=> false, migrate_data => true);",
                               "SELECT add_dimension('public.ticks', by_hash('symbol_id', 4));",
                               "SELECT add_dimension('public.ticks', by_range('ts', INTERVAL '1 day'));",
                               "SELECT set_integer_now_func('public.ticks', 'public.ticks_now');"});
  CHECK(m.changes[0].note.find("the rows moved now are not split by partition_by") != std::string::npos);
}

TEST_CASE("timescale: a dimension's partitions and interval change in place, both directions") {
  Plan p = diff(one(partitioned(4)), one(partitioned(8)));
  REQUIRE(kinds(p) == std::vector<std::string>{"alter_dimension"});
  CHECK(p.changes[0].up == std::vector<std::string>{"SELECT set_number_partitions('public.ticks', 8, 'symbol_id');"});
  CHECK(p.changes[0].down == std::vector<std::string>{"SELECT set_number_partitions('public.ticks', 4, 'symbol_id');"});
  CHECK(p.changes[0].description ==
        "change the hash partitions of public.ticks to hash partitioning of symbol_id into 8 partitions (was hash "
        "partitioning of symbol_id into 4 partitions; affects only chunks created from now on)");
  CHECK(std::get<Dimension>(p.changes[0].to).partitions == 8);
  Plan r = diff(one(partitioned(4, days(1))), one(partitioned(4, hours(6))));
  REQUIRE(kinds(r) == std::vector<std::string>{"alter_dimension"});
  CHECK(r.changes[0].up == std::vector<std::string>{
                               "SELECT set_chunk_time_interval('public.ticks', INTERVAL '6 hours', dimension_name => 'ts');"});
  CHECK(r.changes[0].down == std::vector<std::string>{
                                 "SELECT set_chunk_time_interval('public.ticks', INTERVAL '1 day', dimension_name => 'ts');"});
  CHECK(diff(one(partitioned()), one(partitioned())).changes.empty());
}

TEST_CASE("timescale: adding, removing, changing or reordering a dimension of an existing hypertable is refused") {
  auto refusal = [](Table a, Table b) {
    Plan p = diff(one(std::move(a)), one(std::move(b)));
    CHECK(p.changes.empty());
    REQUIRE(has_errors(p.diagnostics));
    REQUIRE(p.diagnostics.size() == 1);
    return p.diagnostics[0].message + " [" + p.diagnostics[0].hint + "]";
  };
  const std::string recreate = "recreate the table: declare the new one under another name, copy the rows, drop the "
                               "old one and rename the new one (or keep the hypertable's partitioning as it is)]";
  Table one_dim = partitioned();
  one_dim.hypertable->dimensions.pop_back();
  CHECK(refusal(one_dim, partitioned()) ==
        "cannot add range partitioning of ts by 1 day to the existing hypertable public.ticks: TimescaleDB cannot "
        "remove a dimension, so the migration's DOWN could not take it off again [" + recreate);
  CHECK(refusal(partitioned(), one_dim) ==
        "cannot remove range partitioning of ts by 1 day of the existing hypertable public.ticks: TimescaleDB cannot "
        "remove or change a dimension [" + recreate);
  Table by_range = partitioned();
  by_range.hypertable->dimensions[0] = range_dim("symbol_id", integer(10));
  CHECK(refusal(partitioned(), by_range) ==
        "cannot change the kind of hash partitioning of symbol_id into 4 partitions of the existing hypertable "
        "public.ticks: TimescaleDB cannot remove or change a dimension [" + recreate);
  Table swapped = partitioned();
  std::swap(swapped.hypertable->dimensions[0], swapped.hypertable->dimensions[1]);
  CHECK(refusal(partitioned(), swapped) ==
        "the partition_by lines of hypertable public.ticks are in another order than its dimensions (symbol_id is "
        "dimension 2) [write the partition_by lines in the hypertable's order: TimescaleDB numbers its dimensions in "
        "the order they were added and cannot reorder them]");
}

TEST_CASE("timescale: integer_now is set and replaced both ways, and never silently unset") {
  Table none = partitioned(), other = partitioned();
  none.hypertable->integer_now.clear();
  other.hypertable->integer_now_schema = "util";
  other.hypertable->integer_now = "Clock";
  Plan set = diff(one(none), one(partitioned()));
  REQUIRE(kinds(set) == std::vector<std::string>{"set_integer_now"});
  CHECK(set.changes[0].up == std::vector<std::string>{"SELECT set_integer_now_func('public.ticks', 'public.ticks_now');"});
  // TimescaleDB has no call that unsets it: the DOWN says so instead of pretending.
  CHECK(set.changes[0].down.empty());
  CHECK(set.changes[0].down_note ==
        "TimescaleDB cannot unset an integer_now function: this DOWN leaves public.ticks_now set on public.ticks");
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].severity == Diagnostic::Severity::warning);
  CHECK(set.diagnostics[0].message ==
        "the DOWN of setting integer_now public.ticks_now on public.ticks leaves it set: TimescaleDB cannot unset it");

  Plan change = diff(one(partitioned()), one(other));
  REQUIRE(kinds(change) == std::vector<std::string>{"set_integer_now"});
  CHECK(change.changes[0].up == std::vector<std::string>{
                                    "SELECT set_integer_now_func('public.ticks', 'util.\"Clock\"', replace_if_exists => true);"});
  CHECK(change.changes[0].down == std::vector<std::string>{
                                      "SELECT set_integer_now_func('public.ticks', 'public.ticks_now', replace_if_exists => true);"});
  CHECK(std::get<std::string>(change.changes[0].from) == "public.ticks_now");

  Plan unset = diff(one(partitioned()), one(none));
  CHECK(unset.changes.empty());
  REQUIRE(unset.diagnostics.size() == 1);
  CHECK(unset.diagnostics[0].message ==
        "cannot unset the integer_now function public.ticks_now of hypertable public.ticks: TimescaleDB has no call "
        "that unsets it");
  CHECK(unset.diagnostics[0].hint == "keep `integer_now` in the hypertable block (schemac leaves the function itself "
                                     "alone), or recreate the table without it");
}

TEST_CASE("timescale: a compression change's description says the order_by's direction and nulls order") {
  Table a = ticks(), b = ticks();
  a.hypertable->compression = comp({"symbol_id"});
  b.hypertable->compression = comp({"symbol_id"});
  b.hypertable->compression->order_by = {{"ts", true, NullsOrder::last}};
  Plan p = diff(one(a), one(b));
  REQUIRE(p.changes.size() == 1);
  CHECK(p.changes[0].description ==
        "change compression settings of public.ticks (segment by symbol_id; order by ts DESC NULLS LAST)");
}

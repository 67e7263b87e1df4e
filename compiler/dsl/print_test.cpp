#include "dsl/print.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "builders.hpp"
#include "dsl/parse.hpp"
#include "check/check.hpp"
#include "dsl/parse.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

Table exchanges() {
  Table t;
  t.name = "exchanges";
  t.columns = {col("id", ty("int")), col("enum_value", ty("varchar", {50})), col("exchange_name", ty("varchar", {50})),
               with_default(col("created_at", ty("timestamptz")), "now()")};
  t.columns[0].identity = Identity::by_default;
  t.constraints = {pk("", {"id"}), uq("", {"enum_value"}),
                   chk("chk_enum_format", "enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$'")};
  return t;
}

std::string print_table(const Table& t) {
  Schema s;
  s.tables.push_back(t);
  return print_dsl(s);
}

const char* kExchanges = R"(table exchanges {
  id            int         identity primary key
  enum_value    varchar(50) unique
  exchange_name varchar(50)
  created_at    timestamptz default now()

  check chk_enum_format (enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$')
}
)";

}  // namespace

TEST_CASE("print: parsed model puts unnamed single-column constraints inline and aligns columns") {
  CHECK(print_table(exchanges()) == kExchanges);
}

TEST_CASE("print: inspected model leaves out names equal to PostgreSQL's defaults") {
  Table t = exchanges();
  t.constraints[0].name = "exchanges_pkey";
  t.constraints[1].name = "exchanges_enum_value_key";
  CHECK(print_table(t) == kExchanges);
}

TEST_CASE("print: a table-level constraint on one column with the default name moves inline") {
  Table t = exchanges();
  // Written at table level, but a single-column check with the default name reads best on its column.
  t.constraints.push_back(chk("exchanges_exchange_name_check", "length(exchange_name) > 0"));
  t.constraints.back().inline_form = false;
  CHECK(print_table(t) == R"(table exchanges {
  id            int         identity primary key
  enum_value    varchar(50) unique
  exchange_name varchar(50) check (length(exchange_name) > 0)
  created_at    timestamptz default now()

  check chk_enum_format (enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$')
}
)");
}

TEST_CASE("print: explicit names that differ from the default go to table level") {
  Table t;
  t.name = "t";
  t.columns = {col("a", ty("int")), col("b", ty("text"))};
  t.constraints = {pk("t_primary", {"a"}), uq("t_b_unique", {"b"}), chk("b_not_empty", "b <> ''")};
  CHECK(print_table(t) == R"(table t {
  a int
  b text

  primary key t_primary (a)
  unique t_b_unique (b)
  check b_not_empty (b <> '')
}
)");
}

TEST_CASE("print: multi-column constraints stay at table level, default names left out") {
  Table t;
  t.name = "symbols";
  t.columns = {col("exchange_id", ty("int")), col("base", ty("text")), col("quote", ty("text")), col("lo", ty("int")),
               col("hi", ty("int"))};
  t.constraints = {pk("symbols_pkey", {"exchange_id", "base"}), uq("", {"exchange_id", "base", "quote"}),
                   chk("symbols_check", "lo < hi"),
                   fk("symbols_exchange_id_base_fkey", {"exchange_id", "base"}, "pairs", {"exchange_id", "base"})};
  t.constraints.back().on_delete = FkAction::cascade;
  CHECK(print_table(t) == R"(table symbols {
  exchange_id int
  base        text
  quote       text
  lo          int
  hi          int

  primary key (exchange_id, base)
  unique (exchange_id, base, quote)
  check (lo < hi)
  foreign key (exchange_id, base) references pairs(exchange_id, base) on delete cascade
}
)");
}

TEST_CASE("print: foreign keys inline with actions, target qualified only outside its schema") {
  Schema s;
  Table t;
  t.schema = "workspace";
  t.name = "fills";
  t.columns = {col("order_id", ty("uuid")), col("exchange_id", ty("int")), col("parent_id", ty("uuid"), true)};
  t.constraints = {fk("", {"order_id"}, "orders", {"id"}), fk("", {"exchange_id"}, "exchanges", {}),
                   fk("fills_parent_id_fkey", {"parent_id"}, "fills", {"id"})};
  t.constraints[0].ref_schema = "workspace";
  t.constraints[0].on_delete = FkAction::cascade;
  t.constraints[1].on_update = FkAction::set_null;
  t.constraints[2].ref_schema = "workspace";
  t.constraints[2].on_delete = FkAction::set_default;
  s.tables.push_back(t);
  CHECK(print_dsl(s) == R"(schema workspace {
  table fills {
    order_id    uuid  references orders(id) on delete cascade
    exchange_id int   references public.exchanges on update set null
    parent_id   uuid? references fills(id) on delete set default
  }
}
)");
}

TEST_CASE("print: clashing default check names follow print order") {
  Table t;
  t.name = "t";
  t.columns = {col("a", ty("int"))};
  SUBCASE("in order: both inline") {
    t.constraints = {chk("t_a_check", "a > 0"), chk("t_a_check1", "a < 10")};
    CHECK(print_table(t) == "table t {\n  a int check (a > 0) check (a < 10)\n}\n");
  }
  SUBCASE("unnamed: both inline") {
    t.constraints = {chk("", "a > 0"), chk("", "a < 10")};
    CHECK(print_table(t) == "table t {\n  a int check (a > 0) check (a < 10)\n}\n");
  }
  SUBCASE("swapped: both inline, the one named t_a_check first") {
    t.constraints = {chk("t_a_check1", "a > 0"), chk("t_a_check", "a < 10")};
    // Printing the second at table level would also name both right, but the next fmt would move it inline.
    CHECK(print_table(t) == "table t {\n  a int check (a < 10) check (a > 0)\n}\n");
  }
  SUBCASE("a default name taken by an explicit one") {
    t.constraints = {chk("t_a_check", "a > 0"), chk("t_a_check", "a < 10")};  // invalid, but printable
    CHECK(print_table(t) == "table t {\n  a int check (a > 0)\n\n  check t_a_check (a < 10)\n}\n");
  }
}

TEST_CASE("print: indexes") {
  Table t;
  t.name = "orders";
  t.columns = {col("id", ty("uuid")),     col("user_id", ty("uuid")), col("symbol", ty("text")),
               col("status", ty("text")), col("tags", ty("text")),    col("metadata", ty("jsonb"))};
  t.columns[4].type.array_dims = 1;
  Index partial = idx("orders_user_id_symbol_idx", {key("user_id"), key("symbol")});
  partial.unique = true;
  partial.where = "status IN ('PENDING', 'SUBMITTED')";
  Index covering = idx("orders_pending", {key("status"), key("user_id", true)});
  covering.include = {"symbol", "id"};
  covering.where = "status = 'PENDING'";
  covering.keys[1].nulls = NullsOrder::last;
  Index gin = idx("", {key("metadata")});
  gin.method = "gin";
  gin.keys[0].opclass = "jsonb_path_ops";
  Index fts = idx("", {expr_key("to_tsvector('english', symbol || ' ' || status)")});
  fts.method = "gin";
  Index lower = idx("", {expr_key("lower(symbol)"), expr_key("status || symbol")});
  Index redundant = idx("orders_symbol_idx", {key("symbol", true)});
  redundant.keys[0].nulls = NullsOrder::first;  // implied by desc
  t.indexes = {partial, covering, gin, fts, lower, redundant};
  CHECK(print_table(t) == R"(table orders {
  id       uuid
  user_id  uuid
  symbol   text
  status   text
  tags     text[]
  metadata jsonb

  unique index (user_id, symbol) where (status IN ('PENDING', 'SUBMITTED'))
  index orders_pending (status, user_id desc nulls last) include (symbol, id) where (status = 'PENDING')
  index using gin (metadata jsonb_path_ops)
  index using gin (to_tsvector('english', symbol || ' ' || status))
  index (lower(symbol), (status || symbol))
  index (symbol desc)
}
)");
}

TEST_CASE("print: index default names avoid relation names already taken") {
  Schema s;
  Table t;
  t.name = "t";
  t.columns = {col("a", ty("int"))};
  SUBCASE("two indexes on one column") {
    t.indexes = {idx("t_a_idx1", {key("a")}), idx("", {key("a", true)})};
    s.tables = {t};
    // check names the unnamed one t_a_idx (t_a_idx1 is written): written t_a_idx keeps both the same.
    CHECK(print_dsl(s) == "table t {\n  a int\n\n  index (a)\n  index t_a_idx (a desc)\n}\n");
  }
  SUBCASE("a table already called t_a_idx") {
    t.indexes = {idx("t_a_idx1", {key("a")})};
    Table other;
    other.name = "t_a_idx";
    s.tables = {t, other};
    CHECK(print_dsl(s) == "table t {\n  a int\n\n  index (a)\n}\n\ntable t_a_idx {}\n");
  }
}

TEST_CASE("print: the index names left out come back as the same names, whatever order they were taken in") {
  // Three indexes on one column across two tables, each given one of the names the server would try (or a
  // name of its own): every assignment of distinct names prints to text that check names the same way.
  const std::vector<std::string> pool = {"t_a_idx", "t_a_idx1", "t_a_idx2", "mine"};
  int elided_somewhere = 0;
  for (auto& n0 : pool)
    for (auto& n1 : pool)
      for (auto& n2 : pool) {
        if (n0 == n1 || n1 == n2 || n0 == n2) continue;
        CAPTURE(n0 + " " + n1 + " " + n2);
        Table t;
        t.name = "t";
        t.columns = {col("a", ty("int"))};
        t.indexes = {idx(n0, {key("a")}), idx(n1, {key("a", true)})};
        Table u = t;
        u.name = "u";
        u.indexes = {idx("u_a_idx", {key("a")})};
        Table t2 = t;  // a second table named t in another schema: its names are its own
        t2.schema = "s";
        t2.indexes = {idx(n2, {key("a")})};
        Schema s;
        s.tables = {t, u, t2};
        std::string text = print_dsl(s);
        ParseResult p = parse(SourceFile{"printed.dsl", text});
        REQUIRE_MESSAGE(!has_errors(p.diags), text);
        REQUIRE_MESSAGE(!has_errors(check(p.schema)), text);
        CHECK_MESSAGE(p.schema.tables[0].indexes[0].name == n0, text);
        CHECK_MESSAGE(p.schema.tables[0].indexes[1].name == n1, text);
        CHECK_MESSAGE(p.schema.tables[1].indexes[0].name == "u_a_idx", text);
        CHECK_MESSAGE(p.schema.tables[2].indexes[0].name == n2, text);
        CHECK(text.find("u_a_idx") == std::string::npos);  // a default name is never written
        elided_somewhere += text.find("t_a_idx") == std::string::npos;
      }
  CHECK(elided_somewhere > 0);
}

TEST_CASE("print: hostile names are quoted, ordinary ones are not") {
  CHECK(dsl_name("timestamp") == "timestamp");
  CHECK(dsl_name("Price") == "Price");
  CHECK(dsl_name("_x9") == "_x9");
  CHECK(dsl_name("Mixed Case") == "\"Mixed Case\"");
  CHECK(dsl_name("a\"b") == "\"a\"\"b\"");
  CHECK(dsl_name("order") == "\"order\"");
  CHECK(dsl_name("Primary") == "\"Primary\"");
  CHECK(dsl_name("9lives") == "\"9lives\"");
  CHECK(dsl_name("") == "\"\"");
  CHECK(dsl_name("prix_€") == "\"prix_€\"");

  Table t;
  t.name = "Order Book";
  t.columns = {col("Mixed Case", ty("int")), col("a\"b", ty("text"), true), col("order", ty("int")),
               col("check", ty("bool"))};
  t.constraints = {uq("", {"Mixed Case"})};
  t.indexes = {idx("", {key("order", true)})};
  CHECK(print_table(t) == R"(table "Order Book" {
  "Mixed Case" int   unique
  "a""b"       text?
  "order"      int
  "check"      bool

  index ("order" desc)
}
)");
}

TEST_CASE("print: column modifiers and defaults") {
  Table t;
  t.name = "t";
  Column gen = col("total", ty("numeric", {20, 8}));
  gen.generated_expr = "price * qty";
  Column always = col("id", ty("bigint"));
  always.identity = Identity::always;
  t.columns = {always,
               with_default(col("uid", ty("uuid")), "gen_random_uuid()"),
               with_default(col("meta", ty("jsonb"), true), "'{}'::jsonb"),
               with_default(col("n", ty("int")), "0"),
               with_default(col("f", ty("double precision")), "-1.5"),
               with_default(col("ok", ty("bool")), "true"),
               with_default(col("x", ty("int")), "a + 1"),
               with_default(col("y", ty("int")), "(a + 1)"),  // parsed back as written: ((a + 1))
               with_default(col("s", ty("varchar", {5})), "'it''s'::character varying"),
               with_default(col("ts", ty("timestamptz")), "CURRENT_TIMESTAMP"),
               with_default(col("e", ty("text")), "nextval('t_e_seq'::regclass)"),
               with_default(col("i", ty("interval")), "('1 day')::interval"),
               with_default(col("z", ty("numeric", {20, 8})), "0::numeric(20,8)"),
               gen};
  CHECK(print_table(t) == R"(table t {
  id    bigint           identity always
  uid   uuid             default gen_random_uuid()
  meta  jsonb?           default '{}'::jsonb
  n     int              default 0
  f     double precision default -1.5
  ok    bool             default true
  x     int              default (a + 1)
  y     int              default ((a + 1))
  s     varchar(5)       default ('it''s'::character varying)
  ts    timestamptz      default CURRENT_TIMESTAMP
  e     text             default nextval('t_e_seq'::regclass)
  i     interval         default ('1 day')::interval
  z     numeric(20,8)    default 0::numeric(20,8)
  total numeric(20,8)    generated (price * qty)
}
)");
}

TEST_CASE("print: types") {
  Schema s;
  Table t;
  t.schema = "tp_capital";
  t.name = "t";
  Type local_enum = ty("side");
  local_enum.schema = "tp_capital";
  Type public_enum = ty("market_type");
  public_enum.schema = "public";
  Type arr = ty("text");
  arr.array_dims = 2;
  t.columns = {col("a", local_enum), col("b", public_enum), col("c", arr), col("d", ty("vector", {1536}), true)};
  s.tables.push_back(t);
  CHECK(print_dsl(s) == R"(schema tp_capital {
  table t {
    a side
    b public.market_type
    c text[][]
    d vector(1536)?
  }
}
)");
}

TEST_CASE("print: hypertable blocks") {
  Table t;
  t.name = "ticks";
  t.columns = {col("timestamp", ty("timestamptz")), col("symbol_id", ty("int"))};
  SUBCASE("bare") {
    t.hypertable = hyper("timestamp");
    CHECK(print_table(t) == "table ticks {\n  timestamp timestamptz\n  symbol_id int\n\n  hypertable on timestamp\n}\n");
  }
  SUBCASE("all settings") {
    Compression c;
    c.segment_by = {"symbol_id"};
    c.order_by = {order("timestamp", true), order("symbol_id")};
    c.after = days(1);
    Hypertable h = hyper("timestamp");
    h.chunk_interval = minutes(30);
    h.retention = days(7);
    h.compression = c;
    t.hypertable = h;
    CHECK(print_table(t) == R"(table ticks {
  timestamp timestamptz
  symbol_id int

  hypertable on timestamp {
    chunk_interval 30 minutes
    retention 7 days
    compression {
      segment_by symbol_id
      order_by timestamp desc, symbol_id
      after 1 day
    }
  }
}
)");
  }
  SUBCASE("compression without settings") {
    t.hypertable = hyper("timestamp");
    t.hypertable->compression = Compression{};
    CHECK(print_table(t) == R"(table ticks {
  timestamp timestamptz
  symbol_id int

  hypertable on timestamp {
    compression
  }
}
)");
  }
}

TEST_CASE("print: partition_by lines in order and integer_now, named as the table's schema needs") {
  Table t;
  t.name = "ticks";
  t.columns = {col("n", ty("bigint")), col("symbol_id", ty("int")), col("day", ty("date"))};
  Hypertable h = hyper("n");
  h.chunk_interval = integer(1000);
  h.dimensions = {hash_dim("symbol_id", 4), range_dim("day", days(2))};
  h.integer_now_schema = "public";
  h.integer_now = "ticks_now";
  t.hypertable = h;
  const std::string body = R"(
  n         bigint
  symbol_id int
  day       date

  hypertable on n {
    chunk_interval 1000
    partition_by symbol_id hash 4
    partition_by day range 2 days
    integer_now )";
  CHECK(print_table(t) == "table ticks {" + body + "ticks_now\n  }\n}\n");
  t.hypertable->integer_now_schema = "util";
  t.hypertable->integer_now = "Now";
  CHECK(print_table(t) == "table ticks {" + body + "util.Now\n  }\n}\n");
}

TEST_CASE("print: queries") {
  Table t;
  t.name = "ticks";
  t.columns = {col("timestamp", ty("timestamptz")), col("symbol_id", ty("int"))};
  Query latest;
  latest.name = "latest_for_symbol";
  latest.params = {param("symbol_id")};
  latest.where = "symbol_id = :symbol_id";
  latest.order_by = {order("timestamp", true)};
  latest.limit = "1";
  latest.comment = "Newest row for one symbol.";
  Query window;
  window.name = "window";
  window.many = true;
  window.params = {param("from", ty("timestamptz")), param("to"), param("n")};
  window.columns = {"symbol_id", "timestamp"};
  window.where = "timestamp >= :from and timestamp < :to";
  window.limit = ":n";
  Query all;
  all.name = "all_rows";
  all.many = true;
  t.queries = {latest, window, all};
  CHECK(print_table(t) == R"(table ticks {
  timestamp timestamptz
  symbol_id int

  /// Newest row for one symbol.
  query latest_for_symbol(symbol_id) -> one {
    where symbol_id = :symbol_id
    order by timestamp desc
    limit 1
  }

  query window(from timestamptz, to, n) -> many (symbol_id, timestamp) {
    where timestamp >= :from and timestamp < :to
    limit :n
  }

  query all_rows() -> many {}
}
)");
}

TEST_CASE("print: comments") {
  Schema s;
  Extension ts = extension("timescaledb");
  ts.trivia.before = {" schema.dsl - test", ""};
  ts.trivia.after = "needed for hypertables";
  s.extensions = {ts, extension("vector", "extensions")};
  Enum e = enum_of("public", "side", {"buy", "sell"});
  e.comment = "Order side.";
  e.trivia.after = "two values only";
  s.enums = {e};
  Table t;
  t.name = "t";
  t.comment = "First line.\n\nThird line.";
  t.trivia.before = {"-- section --"};
  t.trivia.after = "end of t";
  t.columns = {col("a", ty("int")), col("bb", ty("text"))};
  t.columns[0].trivia.before = {"the key"};
  t.columns[0].comment = "Doc for a.";
  t.columns[0].trivia.after = "eol";
  t.columns[1].renamed_from = {"b"};
  t.constraints = {pk("", {"a"})};
  t.tail_comments = {"more later"};
  s.tables = {t};
  s.tail_comments = {"the end"};
  CHECK(print_dsl(s) == R"(// schema.dsl - test
//
extension timescaledb  // needed for hypertables
extension vector schema extensions

/// Order side.
enum side { buy, sell }  // two values only

// -- section --
/// First line.
///
/// Third line.
table t {
  // the key
  /// Doc for a.
  a  int  primary key  // eol
  @renamed_from(b)
  bb text
  // more later
}  // end of t

// the end
)");
}

TEST_CASE("print: comments kept apart by a blank line stay apart") {
  Schema s;
  Extension ts = extension("timescaledb");
  ts.trivia.before = {" schema.dsl: header", " second line", " about timescaledb"};
  ts.trivia.detached = 2;
  s.extensions = {ts};
  Table t;
  t.name = "t";
  t.columns = {col("a", ty("int")), col("b", ty("int"))};
  t.columns[1].trivia.before = {" ---- section ----"};
  t.columns[1].trivia.detached = 1;
  s.tables = {t};
  CHECK(print_dsl(s) == R"(// schema.dsl: header
// second line

// about timescaledb
extension timescaledb

table t {
  a int
  // ---- section ----

  b int
}
)");
}

TEST_CASE("print: enums") {
  Schema s;
  s.enums = {enum_of("public", "timeframe", {"1m", "5m", "1h"}),
             enum_of("public", "order status", {"PENDING", "PARTIALLY_FILLED", "it's", "order"})};
  Enum long_enum = enum_of("public", "event_type", {});
  for (auto v : {"CREATED", "SUBMITTED", "FILLED", "PARTIALLY_FILLED", "CANCELED", "REJECTED", "FAILED", "EXPIRED"})
    long_enum.values.push_back(v);
  long_enum.renamed_from = {"order_event"};
  s.enums.push_back(long_enum);
  CHECK(print_dsl(s) == R"(enum timeframe { '1m', '5m', '1h' }

enum "order status" { PENDING, PARTIALLY_FILLED, 'it''s', 'order' }

@renamed_from(order_event)
enum event_type {
  CREATED,
  SUBMITTED,
  FILLED,
  PARTIALLY_FILLED,
  CANCELED,
  REJECTED,
  FAILED,
  EXPIRED,
}
)");
}

TEST_CASE("print: top-level order and schema blocks") {
  Schema s;
  auto table = [](std::string schema, std::string name) {
    Table t;
    t.schema = std::move(schema);
    t.name = std::move(name);
    t.columns = {col("id", ty("int"))};
    return t;
  };
  auto enum_in = [](std::string schema, std::string name) {
    return enum_of(std::move(schema), std::move(name), {"a"});
  };
  Namespace ws = name_space("workspace");
  ws.comment = "Workspace data.";
  ws.tail_comments = {"nothing else"};
  s.namespaces = {ws, name_space("empty")};
  s.tables = {table("telegram_gateway", "messages"), table("workspace", "items"), table("public", "b"),
              table("public", "a")};
  s.enums = {enum_in("workspace", "kind"), enum_in("public", "side")};
  s.extensions = {extension("timescaledb")};
  CHECK(print_dsl(s) == R"(extension timescaledb

enum side { a }

table b {
  id int
}

table a {
  id int
}

/// Workspace data.
schema workspace {
  enum kind { a }

  table items {
    id int
  }
  // nothing else
}

schema empty {}

schema telegram_gateway {
  table messages {
    id int
  }
}
)");
}

TEST_CASE("print: empty schema and empty table") {
  CHECK(print_dsl(Schema{}) == "");
  Table t;
  t.name = "nothing";
  CHECK(print_table(t) == "table nothing {}\n");
}

// ---- round trips over every schema in the repository ----

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every .dsl file under the source tree, build trees and hidden directories left out.
std::vector<fs::path> dsl_files() {
  std::vector<fs::path> out;
  fs::path root = SCHEMAC_SOURCE_DIR;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && (name.starts_with("build") || name.starts_with("."))) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file() && it->path().extension() == ".dsl") {
      out.push_back(fs::relative(it->path(), root));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The project's schema and the examples: they must be valid and already in canonical form.
bool is_example(const fs::path& rel) {
  return rel == "schema.dsl" || (rel.begin() != rel.end() && *rel.begin() == "examples");
}

std::string diags_text(const Diagnostics& ds) {
  std::string out;
  for (auto& d : ds) out += fmt::format("{}:{}: {}\n", d.loc.line, d.loc.col, d.message);
  return out;
}

std::string summary_type(const Type& t) {
  return fmt::format("{}.{}({}){}", t.schema, t.name, fmt::join(t.mods, ","), t.array_dims);
}

std::string summary_span(const std::optional<Span>& s) {
  if (!s) return "-";
  return s->is_integer ? std::to_string(s->integer) : std::to_string(s->total_micros()) + "us";
}

std::string summary_order(const std::vector<OrderItem>& items) {
  std::string out;
  for (auto& o : items) out += fmt::format("{} {} {}, ", o.column, o.desc, static_cast<int>(o.nulls));
  return out;
}

std::string summary_constraint(const Constraint& c) {
  // A check's columns only say where it was written (the parser fills them for inline checks).
  auto columns = c.kind == Constraint::Kind::check ? std::vector<std::string>{} : c.columns;
  return fmt::format("  constraint {} {} ({}) [{}] -> {}.{}({}) {} {} \"{}\"\n", static_cast<int>(c.kind), c.name,
                     fmt::join(columns, ","), c.check_expr, c.ref_schema, c.ref_table,
                     fmt::join(c.ref_columns, ","), static_cast<int>(c.on_delete), static_cast<int>(c.on_update),
                     c.comment);
}

std::string summary_index(const Index& ix) {
  std::string keys;
  for (auto& k : ix.keys)
    keys += fmt::format("{}|{}|{}|{}|{}, ", k.column, k.expr, k.desc, static_cast<int>(k.nulls), k.opclass);
  return fmt::format("  index {} {} {} ({}) include({}) where({}) \"{}\"\n", ix.name, ix.unique, ix.method, keys,
                     fmt::join(ix.include, ","), ix.where, ix.comment);
}

std::string summary_table(const Table& t) {
  std::string out = fmt::format("table {}.{} \"{}\" renamed({})\n", t.schema, t.name, t.comment,
                                fmt::join(t.renamed_from, ","));
  for (auto& c : t.columns)
    out += fmt::format("  column {} {} {} [{}] {} [{}] \"{}\" renamed({})\n", c.name, summary_type(c.type), c.nullable,
                       c.default_expr.value_or("-"), static_cast<int>(c.identity), c.generated_expr.value_or("-"),
                       c.comment, fmt::join(c.renamed_from, ","));
  std::vector<std::string> constraints;  // print order may differ from declaration order
  for (auto& c : t.constraints) constraints.push_back(summary_constraint(c));
  std::sort(constraints.begin(), constraints.end());
  for (auto& c : constraints) out += c;
  for (auto& ix : t.indexes) out += summary_index(ix);
  if (auto& h = t.hypertable) {
    out += fmt::format("  hypertable {} {} {}\n", h->time_column, summary_span(h->chunk_interval),
                       summary_span(h->retention));
    if (auto& c = h->compression)
      out += fmt::format("  compression {} | {} | {}\n", fmt::join(c->segment_by, ","), summary_order(c->order_by),
                         summary_span(c->after));
  }
  for (auto& q : t.queries) {
    std::string params;
    for (auto& p : q.params) params += p.name + " " + (p.type ? summary_type(*p.type) : "-") + ", ";
    out += fmt::format("  query {}({}) {} ({}) [{}] {} [{}] \"{}\"\n", q.name, params, q.many,
                       fmt::join(q.columns, ","), q.where, summary_order(q.order_by), q.limit, q.comment);
  }
  return out;
}

// Everything a Schema means (comments' trivia aside), to compare two models.
std::string summary(const Schema& s) {
  std::string out;
  for (auto& e : s.extensions) out += fmt::format("extension {} {}\n", e.name, e.schema);
  for (auto& n : s.namespaces) out += fmt::format("schema {} \"{}\"\n", n.name, n.comment);
  for (auto& e : s.enums)
    out += fmt::format("enum {}.{} ({}) \"{}\"\n", e.schema, e.name, fmt::join(e.values, ","), e.comment);
  for (auto& t : s.tables) out += summary_table(t);
  return out;
}

// parse -> print gives text T; parse(T) -> print gives T again, and T means what the source meant (names
// included: defaults left out must come back). Then the same for the checked model printed as `pull` would.
// `canonical`: the file must already be in canonical form; `valid`: it must parse and check without errors.
void check_round_trip(const std::string& name, const std::string& source, bool canonical, bool valid) {
  INFO("file: ", name);
  ParseResult first = parse(SourceFile{name, source});
  if (canonical || valid) CHECK_MESSAGE(!has_errors(first.diags), diags_text(first.diags));
  if (canonical) CHECK_MESSAGE(first.diags.empty(), diags_text(first.diags));
  if (has_errors(first.diags)) return;  // a golden input that is meant to be invalid

  std::string text = print_dsl(first.schema);
  ParseResult second = parse(SourceFile{"printed.dsl", text});
  CHECK_MESSAGE(!has_errors(second.diags), diags_text(second.diags), "\n", text);
  CHECK(print_dsl(second.schema) == text);  // fmt is idempotent
  if (canonical) CHECK(text == source);     // examples are kept in canonical form

  Schema checked = first.schema, reparsed = second.schema;
  Diagnostics checked_diags = check(checked);
  if (valid) CHECK_MESSAGE(!has_errors(checked_diags), diags_text(checked_diags));
  if (has_errors(checked_diags)) return;
  CHECK_MESSAGE(!has_errors(check(reparsed)), text);
  CHECK(summary(reparsed) == summary(checked));

  // As `schemac pull` would: a model with every name filled in prints to the same meaning.
  std::string pulled = print_dsl(checked);
  ParseResult third = parse(SourceFile{"pulled.dsl", pulled});
  CHECK_MESSAGE(!has_errors(third.diags), diags_text(third.diags), "\n", pulled);
  Schema from_pulled = third.schema;
  CHECK_MESSAGE(!has_errors(check(from_pulled)), pulled);
  CHECK(summary(from_pulled) == summary(checked));
  CHECK(print_dsl(third.schema) == pulled);
}

}  // namespace

TEST_CASE("print: every .dsl file in the repository round-trips") {
  auto files = dsl_files();
  REQUIRE(!files.empty());
  for (auto& rel : files)
    check_round_trip(rel.string(), read_text(fs::path(SCHEMAC_SOURCE_DIR) / rel), is_example(rel), is_example(rel));
}

TEST_CASE("print: hostile names round-trip through the parser") {
  check_round_trip("hostile.dsl", R"(extension timescaledb
enum "order" { 'a b', "c""d", primary, 'it''s', x }
table "check" {
  "primary" int identity always primary key  // eol
  "unique" text? unique check ("unique" <> '')
  "default" "order" default 'x'
  "on" int references "check"("primary") on delete cascade on update restrict
  "always" int identity
  "where" text default ('a' || 'b')
  "index" bool default true
  "nulls" int default -1
  "desc" numeric(5,2) default 1.5::numeric
  "$x" int
  "Mixed Case" text default 'q'::text
  "key" int generated ("primary" * 2)
  "include" "order"[]
  "using" int check ("using" > 0) check ("using" < 10)
  "timestamp" timestamptz
  iv interval default ('1 day')::interval
  z numeric(20,8) default 0::numeric(20,8)
  unique ("key", "on")
  index "my idx" using gin ("include")
  index ("desc" desc nulls last, lower("unique"), ("primary" + 1))
  index ("nulls") include ("using", "always") where ("where" is not null)
  query "query"("from", "to" int, "limit") -> many ("primary", "desc") {
    where "primary" >= :from and "on" = :to order by "desc" desc nulls last, "primary" limit :limit }
}
@renamed_from(event_kind, "Old Kind")
enum event_type { CREATED, SUBMITTED, FILLED, PARTIALLY_FILLED, CANCELED, REJECTED, FAILED, EXPIRED, ARCHIVED }
schema "Work Space" {
  @renamed_from(old_items) table items { @renamed_from("Old Name") name text kind public.event_type
    parent text references public."check"("unique") }
}
)", false, true);
}

TEST_CASE("print: comments in every place round-trip through the parser") {
  check_round_trip("comments.dsl", R"(// header
extension timescaledb // eol ext
//no space
///doc no space
///   indented doc
enum e { a, b } // after enum
/// Table doc
table t { // after open brace
  // before col
  a int // after a
  /// doc b
  b text? check (b <> '') // after b
  // before pk
  primary key (a) // after pk
  /// doc idx
  index (b) // after idx
  // before hypertable
  hypertable on a {
    // inside hypertable
    chunk_interval 100 // after chunk
  } // after hypertable
  /// doc q
  query q(a) -> one {
    // inside query
    where a = :a
  } // after q
  // tail of t
} // after t
/// doc for schema
schema s { // open s
  // tail of s
}
/// orphan doc
// tail of file
)", false, true);
}

TEST_CASE("print: the top-level schema.dsl and its copy in examples/cex_arbitrage are the same") {
  fs::path root = SCHEMAC_SOURCE_DIR;
  CHECK(read_text(root / "schema.dsl") == read_text(root / "examples/cex_arbitrage/schema.dsl"));
}

namespace {
// `text`, printed as fmt prints it, is `text` again, and reads back as the same tables.
void check_fixed_point(const std::string& text) {
  ParseResult first = parse(SourceFile{"schema.dsl", text});
  REQUIRE(first.diags.empty());
  const std::string printed = print_dsl(first.schema);
  CHECK(printed == text);
  ParseResult again = parse(SourceFile{"schema.dsl", printed});
  REQUIRE(again.diags.empty());
  CHECK(again.schema.tables == first.schema.tables);
}
}  // namespace

TEST_CASE("print: constraint options and index storage keep table level and read back the same") {
  const std::string text = R"(table t {
  a int
  b int?
  c text

  primary key (a) deferrable initially deferred
  unique (b, c) nulls not distinct deferrable
  foreign key (b) references t(a) match full on delete cascade deferrable
  check (a > 0) no inherit
  unique index (c collate C text_pattern_ops desc) nulls not distinct with (fillfactor = 70, deduplicate_items = off)
  index using gin (c) with (fastupdate = off, note = 'it''s')
}
)";
  check_fixed_point(text);
}

// Found by the random property test: right after a column, `check (...) no inherit` also read as that column's
// check and a column `no` of type `inherit`, and that reading won once enough inline-looking items followed it
// (each later `check` and the `unique` of `unique index` counted as one more modifier of the column `no`).
TEST_CASE("print: a check with no inherit right after the columns reads back as the table-level check") {
  const std::string text = R"(table t2 {
  c14 int   identity primary key
  c4  date?
  c8  uuid

  check (c4 IS NOT NULL) no inherit
  check (c14 IS NOT NULL OR c8 IS NOT NULL)
  check chk23 (c14 IS NOT NULL OR c8 IS NOT NULL)
  unique index (c4, c8 desc)
}
)";
  check_fixed_point(text);
  ParseResult parsed = parse(SourceFile{"schema.dsl", text});
  REQUIRE(parsed.schema.tables.size() == 1);
  const Table& t = parsed.schema.tables[0];
  REQUIRE(t.columns.size() == 3);
  REQUIRE(t.constraints.size() == 4);
  CHECK(t.constraints[1].kind == Constraint::Kind::check);
  CHECK_FALSE(t.constraints[1].inline_form);
  CHECK(t.constraints[1].no_inherit);
  CHECK_FALSE(t.constraints[2].no_inherit);
  CHECK(t.constraints[3].name == "chk23");
  REQUIRE(t.indexes.size() == 1);
  CHECK(t.indexes[0].unique);
}

TEST_CASE("print: an unlogged table and its storage parameters, first in the body") {
  const std::string text = R"(unlogged table staging {
  with (fillfactor = 90, autovacuum_enabled = off)

  id int
  v  text?

  index (v) with (fillfactor = 70)
}
)";
  ParseResult first = parse(SourceFile{"schema.dsl", text});
  REQUIRE(first.diags.empty());
  REQUIRE(first.schema.tables.size() == 1);
  CHECK(first.schema.tables[0].unlogged);
  CHECK(first.schema.tables[0].storage.size() == 2);
  REQUIRE(first.schema.tables[0].indexes.size() == 1);
  CHECK(first.schema.tables[0].indexes[0].storage.size() == 1);
  CHECK(print_dsl(first.schema) == text);
}

TEST_CASE("print: exclusion constraints stay at table level and read back the same") {
  const std::string text = R"(table bookings {
  room   int
  during tstzrange

  exclude using gist (room with =, during with &&) where (room > 0) deferrable initially deferred
  exclude no_dup using gist (lower(during) with =, room gist_int4_ops with -|-)
}
)";
  check_fixed_point(text);
}

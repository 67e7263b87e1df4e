// Generated code against a real server: `schemac generate` for a schema with every supported type (nullable and
// not), an enum, an identity column, defaults and queries, compiled with the system compiler at -Wall -Wextra
// -Werror together with a small program (codegen_roundtrip_main.inc) that writes rows through insert,
// insert_many and copy_into and reads them back with find and the queries, on PostgreSQL 15 and on TimescaleDB,
// where the schema adds a hypertable whose rows span several chunks. The program exits non-zero on any mismatch,
// naming it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "live_util.hpp"
#include "testdb.hpp"

namespace fs = std::filesystem;
using schemac::test::describe;
using schemac::test::RunResult;
using schemac::test::run_program;
using schemac::test::run_schemac;
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::TestDb;

namespace {

const char* kSchema = R"dsl(
enum side { buy, sell, "in progress" }

table everything {
  id      bigint identity primary key
  s16     smallint
  s16n    smallint?
  i32     int
  i32n    int?
  i64n    bigint?
  r       real
  rn      real?
  d       double precision
  dn      double precision?
  num     numeric(20,8)
  big     numeric
  numn    numeric?
  b       bool
  bn      bool?
  t       text
  tn      text?
  v       varchar(20)
  c       char(3)
  by      bytea
  byn     bytea?
  u       uuid
  un      uuid?
  j       json
  jb      jsonb
  jbn     jsonb?
  ts      timestamptz
  tsn     timestamptz?
  lt      timestamp
  dt      date
  tm      time
  iv      interval
  ip      inet
  ipn     inet?
  sd      side
  sdn     side?
  tags    text[]
  vtags   varchar(10)[]
  sides   side[]
  ints    int[]?
  grid    int[][]
  nsides  side[]?
  note    text default 'none'
  notn    text? default 'dflt'
  created timestamptz default now()

  query by_side(sd) -> many {
    where sd = :sd
    order by id
  }

  query by_i32(i32) -> one {
    where i32 = :i32
    limit 1
  }

  query with_any_side(wanted side[]) -> many {
    where sd = any(:wanted)
    order by id
  }
}
)dsl";

// On TimescaleDB: the same table beside a hypertable (codegen_roundtrip_main.inc, ROUNDTRIP_HYPERTABLE).
const char* kHypertable = R"dsl(
table ticks {
  ts     timestamptz
  symbol int
  px     numeric(20,8)
  qty    numeric(30,10)?
  sd     side
  flags  text[]?
  seq    bigint identity
  primary key (ts, symbol)
  index (symbol, ts desc)

  hypertable on ts {
    chunk_interval 1 day
  }

  query latest(symbol) -> one {
    where symbol = :symbol
    order by ts desc
    limit 1
  }

  query window(symbol, from, to) -> many {
    where symbol = :symbol and ts >= :from and ts < :to
    order by ts
  }
}
)dsl";

fs::path build_dir() { return fs::path(SCHEMAC_BINARY).parent_path().parent_path(); }

// Generates code for `schema`, applies its plan, compiles the program against it and runs it; `expected` is the
// last line the program prints when every check passed.
void round_trip(Server server, const std::string& schema, const std::vector<std::string>& defines,
                const std::string& expected) {
  TestDb db(server);
  TempDir dir;
  dir.write("schema.dsl", schema);
  RunResult gen = run_schemac({"generate", "schema.dsl", "--out", "gen"}, dir.path.string());
  REQUIRE_MESSAGE(gen.exit_code == 0, describe(gen));
  REQUIRE(fs::exists(dir.path / "gen" / "everything.hpp"));

  RunResult plan = run_schemac({"plan", "schema.dsl", "--db", db.url(), "--format", "sql"}, dir.path.string());
  REQUIRE_MESSAGE(plan.exit_code == 0, describe(plan));
  RunResult applied = schemac::test::psql_file(db.url(), plan.out);
  REQUIRE_MESSAGE(applied.exit_code == 0, describe(applied));

  fs::copy_file(fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "live" / "codegen_roundtrip_main.inc", dir.path / "main.cpp");
  std::vector<std::string> cc_args = {
      "c++", "-std=c++20", "-Wall", "-Wextra", "-Werror", "-I",
      (fs::path(SCHEMAC_SOURCE_DIR) / "runtime" / "include").string(), "-I", (dir.path / "gen").string(), "-I",
      "/usr/include/postgresql", "main.cpp", "-o", "roundtrip",
      (build_dir() / "runtime" / "libschemac_runtime.a").string(), "-lpq"};
  cc_args.insert(cc_args.begin() + 1, defines.begin(), defines.end());
  if (std::string sanitize = SCHEMAC_TEST_SANITIZE; !sanitize.empty()) cc_args.insert(cc_args.begin() + 1, sanitize);
  RunResult cc = run_program(cc_args, dir.path.string());
  REQUIRE_MESSAGE(cc.exit_code == 0, describe(cc));
  RunResult run = run_program({(dir.path / "roundtrip").string(), db.url()}, dir.path.string());
  CHECK_MESSAGE(run.exit_code == 0, describe(run));
  CHECK_MESSAGE(run.out.find(expected) != std::string::npos, describe(run));
}

}  // namespace

TEST_CASE("codegen: generated code round-trips every type on PostgreSQL 15") {
  round_trip(Server::pg15, kSchema, {}, "ok: 7 rows");
}

TEST_CASE("codegen: generated code round-trips every type and a hypertable on TimescaleDB") {
  round_trip(Server::tsdb, std::string("extension timescaledb\n") + kSchema + kHypertable,
             {"-DROUNDTRIP_HYPERTABLE"}, "ok: 7 rows, 3000 ticks");
}

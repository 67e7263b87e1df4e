// Changing constraint options, storage parameters, persistence and collations on tables that hold rows: the plan
// from the plain declaration to the tuned one, applied with psql, keeps every row, gives the catalog the options
// (read with PostgreSQL's own deparsers), plans nothing more, and its DOWN gives back the first catalog exactly
// (check_up_down).
#include <doctest/doctest.h>

#include <string>

#include "live_util.hpp"
#include "testdb.hpp"

using schemac::test::describe;
using schemac::test::RunResult;
using schemac::test::run_schemac;
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::TestDb;

namespace {

const char* kPlain = R"(table accounts {
  id   int  primary key
  code text
  name text?

  unique (code)
  index (name)
}

table transfers {
  id      int primary key
  account int references accounts(id)
  amount  numeric

  check (amount > 0)
}

table counters {
  id int identity primary key
}
)";

const char* kTuned = R"(unlogged table accounts {
  with (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02)

  id   int  primary key
  code text collate C
  name text?

  unique (code) nulls not distinct deferrable initially deferred
  index (name collate C) with (fillfactor = 70)
  index (lower(code), lower(code) collate POSIX)
}

unlogged table transfers {
  id      int primary key
  account int
  amount  numeric

  foreign key (account) references accounts(id) match full deferrable
  check (amount > 0) no inherit
}

table counters {
  id int identity (start 100 increment 5 maxvalue 100000 cycle) primary key
}
)";

}  // namespace

TEST_CASE("options change: constraint options, storage, UNLOGGED and collations, up and down, with rows") {
  TestDb db(Server::pg15);
  TempDir dir;
  dir.write("plain.dsl", kPlain);
  dir.write("tuned.dsl", kTuned);
  RunResult first = run_schemac({"plan", "plain.dsl", "--db", db.url(), "--format", "sql"}, dir.path.string());
  REQUIRE_MESSAGE(first.exit_code == 0, describe(first));
  REQUIRE(schemac::test::psql_file(db.url(), first.out).exit_code == 0);
  db.exec("insert into accounts select i, 'c' || i, 'n' || i from generate_series(1, 500) i;"
          "insert into transfers select i, i, i from generate_series(1, 500) i;"
          "insert into counters select from generate_series(1, 3);");
  schemac::test::check_up_down(db, dir, "tuned.dsl", [&](const schemac::test::UpDown& u) {
    for (const char* expected :
         {"relation accounts kind r persistence u options fillfactor=80,autovacuum_vacuum_scale_factor=0.02",
          "column accounts.code text not null collate C", "UNIQUE NULLS NOT DISTINCT (code) DEFERRABLE INITIALLY DEFERRED",
          "(name COLLATE \"C\") WITH (fillfactor='70')",
          "(lower(code), lower(code) COLLATE \"POSIX\")", "MATCH FULL DEFERRABLE", "CHECK ((amount > (0)::numeric)) NO INHERIT",
          "sequence counters_id_seq integer start 100 increment 5 min 1 max 100000 cache 1 cycle"})
      CHECK_MESSAGE(u.after.find(expected) != std::string::npos, expected << "\n" << u.after);
    CHECK(db.query_value("select count(*) from transfers t join accounts a on a.id = t.account") == "500");
  });
  CHECK(db.query_value("select count(*) from transfers t join accounts a on a.id = t.account") == "500");
}

// Two branches each add a migration after the same one; after the merge the second is renumbered, the sum
// rewritten, and `schemac migrate rebase` re-plans it onto the first. The files are then applied in order with
// `psql -v ON_ERROR_STOP=1 -f` on a real server holding rows: UP leaves exactly the merged declaration, DOWN in
// reverse leaves the database empty again, and an offline plan of the merged declaration has nothing left.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "apply_util.hpp"
#include "plan/diff.hpp"
#include "dsl/load.hpp"
#include "parallel_branches.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::Server;
using schemac::test::TestDb;

namespace {

const char* kBase = R"(table trades {
  id    bigint primary key
  price numeric(20,8)
}
)";

// Branch A: a column and an index on trades.
const char* kA = R"(table trades {
  id    bigint primary key
  price numeric(20,8)
  fee   numeric(20,8) default 0
  index (fee)
}
)";

// Branch B: another column on trades, a new table pointing at it.
const char* kB = R"(table trades {
  id    bigint primary key
  price numeric(20,8)
  venue text?
}

table fills {
  id       bigint primary key
  trade_id bigint references trades
}
)";

const char* kMerged = R"(table trades {
  id    bigint primary key
  price numeric(20,8)
  fee   numeric(20,8) default 0
  venue text?
  index (fee)
}

table fills {
  id       bigint primary key
  trade_id bigint references trades
}
)";

void psql_file(TestDb& db, const std::filesystem::path& file) {
  auto r = test::run_program({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url(), "-f", file.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, file.filename().string() << ": " << r.err);
}

}  // namespace

TEST_CASE("a renumbered parallel migration, rebased, applies with psql on top of the other and rolls back") {
  test::ParallelBranches p(kBase, kA, kB);
  p.renumber();
  p.put("schema.dsl", kMerged);
  REQUIRE(p.run({"plan"}).exit_code == 1);  // the stale snapshot is caught
  auto r = p.run({"migrate", "rebase", "0003"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto offline = p.run({"plan", "--exit-code"});
  CHECK_MESSAGE(offline.exit_code == 0, offline.out << offline.err);

  TestDb db(Server::pg15);
  auto dir = p.path / "migrations";
  psql_file(db, dir / "0001_init.up.sql");
  db.exec("INSERT INTO public.trades SELECT g, g * 1.5 FROM generate_series(1, 100) g");
  psql_file(db, dir / "0002_add_a.up.sql");
  psql_file(db, dir / "0003_add_b.up.sql");
  db.exec("INSERT INTO public.fills SELECT g, g FROM generate_series(1, 100) g");

  Loaded merged = load_dsl_text("merged.dsl", kMerged);
  REQUIRE(merged.ok());
  Catalog live = test::inspect_url(db.url(), &merged.schema);
  DiffOptions all;
  all.allow_destructive = true;
  Plan rest = diff(live.schema, merged.schema, all);
  CHECK_MESSAGE(rest.changes.empty(), test::describe(rest));
  CHECK(db.query_value("SELECT count(*) FROM public.trades WHERE fee = 0 AND venue IS NULL") == "100");

  psql_file(db, dir / "0003_add_b.down.sql");
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'fills'") == "0");
  CHECK(db.query_value("SELECT count(*) FROM public.trades WHERE fee = 0") == "100");  // 0002's column is kept
  psql_file(db, dir / "0002_add_a.down.sql");
  psql_file(db, dir / "0001_init.down.sql");
  CHECK(db.query_value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0");
}

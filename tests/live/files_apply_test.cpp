// Migration files applied by hand, on tables holding rows: for every golden plan case, `schemac migrate new`
// writes 0001 (empty -> before) and 0002 (before -> after) as a user gets them, and psql applies them with
// ON_ERROR_STOP: 0001, rows generated from the column types (rows.hpp), 0002 UP (then `plan --db` of after.dsl
// has nothing left and every kept table still has its rows), 0002 DOWN (then `plan --db` of before.dsl has
// nothing left), and 0002 UP once more. Before all that, 0002 UP with `SELECT 1/0;` injected in the middle of
// its first section must fail and leave the catalog exactly as it was (`schemac pull` before and after).
//
// Servers as in plan_apply_test.cpp: cases without TimescaleDB on pg15 and tsdb, hypertable cases on tsdb
// (policies stripped: the Apache edition refuses them) and on tsl (where the extension already exists).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

#include "golden_cases.hpp"
#include "live_util.hpp"
#include "dsl/print.hpp"
#include "model/quote.hpp"
#include "sql/render.hpp"
#include "rows.hpp"
#include "sql/script.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::RunResult;
using schemac::test::Server;
using schemac::test::TestDb;
namespace fs = std::filesystem;

namespace {

constexpr int kRows = 3;

// The case's files in a scratch project, as the user has them.
struct Project {
  test::TempDir dir;
  std::vector<std::string> edition;  // --edition for migrate new, empty on plain PostgreSQL

  RunResult run(std::vector<std::string> args) const {
    args.insert(args.end(), edition.begin(), edition.end());
    return test::run_schemac(args, dir.path.string());
  }
  std::string file(const std::string& name) const { return read(dir.path / "migrations" / name); }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

// psql -f on the file must succeed.
bool apply(const TestDb& db, const std::string& sql, const std::string& what) {
  RunResult r = test::psql_file(db.url(), sql);
  CHECK_MESSAGE(r.exit_code == 0, what << " failed under psql:\n" << r.err << "\nthe file:\n" << sql);
  return r.exit_code == 0;
}

// `schemac plan FILE --db` has nothing to do: the catalog is what FILE declares.
void check_plan_empty(const Project& p, const TestDb& db, const std::string& file, const std::string& what) {
  RunResult r = test::run_schemac({"plan", file, "--db", db.url(), "--exit-code", "--allow-destructive"},
                                  p.dir.path.string());
  CHECK_MESSAGE(r.exit_code == 0, what << ": plan " << file << " --db is not empty\n" << test::describe(r));
}

// After DOWN the catalog is `before.dsl` again, except for constraints the DOWN file says come back NOT VALID
// (the data they checked is gone): validating them is all that may be left to plan.
void check_plan_after_down(const Project& p, const TestDb& db, const std::string& down) {
  RunResult r = test::run_schemac(
      {"plan", "before.dsl", "--db", db.url(), "--allow-destructive", "--format", "json"}, p.dir.path.string());
  REQUIRE_MESSAGE(r.exit_code == 0, test::describe(r));
  const nlohmann::json plan = nlohmann::json::parse(r.out);  // kept: iterating a temporary's member dangles
  for (auto& c : plan["changes"]) {
    std::string constraint = c["target"]["name"];
    bool said = down.find(constraint + " comes back NOT VALID") != std::string::npos;
    CHECK_MESSAGE((c["kind"] == "validate_constraint" && said),
                  "after DOWN: " << c["description"].get<std::string>() << " is pending\n" << down);
  }
}

std::string pull(TestDb& db) {
  RunResult r = test::run_schemac({"pull", "--db", db.url()});
  REQUIRE_MESSAGE(r.exit_code == 0, test::describe(r));
  return r.out;
}

// Whether `a` and `b` are one table before and after a plan: the same name, or one renamed from the other.
bool same_table(const Table& a, const Table& b) {
  auto renamed = [](const Table& x, const Table& y) {
    return std::find(x.renamed_from.begin(), x.renamed_from.end(), y.name) != x.renamed_from.end();
  };
  return a.schema == b.schema && (a.name == b.name || renamed(a, b) || renamed(b, a));
}

// Every table of `now` that `other` has too still holds the generated rows.
void check_rows_kept(TestDb& db, const Schema& other, const Schema& now, const std::string& what) {
  for (auto& t : now.tables)
    if (std::any_of(other.tables.begin(), other.tables.end(), [&](auto& x) { return same_table(t, x); }))
      CHECK_MESSAGE(db.query_value("SELECT count(*) FROM " + table_ref(t)) == std::to_string(kRows),
                    what << ": " << table_ref(t) << " lost rows");
}

// The UP file with a failing statement in the middle of its first section, if that section is transactional:
// after its first statement (before its second, or before its COMMIT).
std::optional<std::string> inject_failure(const std::string& up) {
  Diagnostics d;
  auto sections = split_script("up.sql", up, d);
  std::string errors;
  for (auto& x : d) errors += x.message + "\n";
  REQUIRE_MESSAGE(d.empty(), errors);
  if (sections.empty() || !sections[0].transactional || sections[0].statements.empty()) return std::nullopt;
  size_t at;
  if (sections[0].statements.size() > 1) {
    at = 0;
    for (uint32_t line = 1; line < sections[0].statement_locs[1].line; ++line) at = up.find('\n', at) + 1;
  } else {
    at = up.find("\nCOMMIT;\n", up.find(std::string(kSectionMarker))) + 1;
  }
  return up.substr(0, at) + "SELECT 1/0;\n" + up.substr(at);
}

void files_case(Server server, const fs::path& dir) {
  std::string name = dir.filename().string();
  Schema before = test::load_schema(dir / "before.dsl"), after = test::load_schema(dir / "after.dsl");
  bool timescale = test::uses_timescale(before) || test::uses_timescale(after);
  if ((server == Server::pg15 && timescale) || (server == Server::tsl && !timescale)) return;
  std::string where = name + " on " + test::server_name(server);
  INFO(where);
  Project p;
  if (server == Server::tsdb) {
    test::strip_policies(before);
    test::strip_policies(after);
    p.edition = {"--edition", "apache"};
  }
  if (server == Server::tsl) {
    for (Schema* s : {&before, &after}) test::ensure_extension(*s, "timescaledb");
    p.edition = {"--edition", "timescale"};
  }
  p.dir.write("before.dsl", print_dsl(before));
  p.dir.write("after.dsl", print_dsl(after));
  TestDb db(server);

  RunResult init = p.run({"migrate", "new", "init", "--file", "before.dsl"});
  REQUIRE_MESSAGE(init.exit_code == 0, test::describe(init));
  bool has_init = fs::exists(p.dir.path / "migrations" / "0001_init.up.sql");
  if (has_init && !apply(db, p.file("0001_init.up.sql"), "0001 UP")) return;
  db.exec(test::insert_rows_sql(before, kRows, &after));
  check_plan_empty(p, db, "before.dsl", "after 0001 and the rows");

  RunResult change = p.run({"migrate", "new", "change", "--file", "after.dsl", "--allow-destructive"});
  REQUIRE_MESSAGE(change.exit_code == 0, test::describe(change));
  std::string stem = has_init ? "0002_change" : "0001_change";
  std::string up = p.file(stem + ".up.sql"), down = p.file(stem + ".down.sql");

  bool fails_on_rows = up.find("note: NOT NULL without a default: fails if the table has rows") != std::string::npos;
  if (auto broken = fails_on_rows ? std::nullopt : inject_failure(up)) {
    std::string catalog = pull(db);
    RunResult r = test::psql_file(db.url(), *broken);
    CHECK_MESSAGE(r.exit_code != 0, "the UP with SELECT 1/0 applied:\n" << *broken);
    CHECK_MESSAGE(r.err.find("division by zero") != std::string::npos, r.err);
    CHECK_MESSAGE(pull(db) == catalog, "a failed section changed the catalog:\n" << *broken);
  }

  // The plan says this UP cannot run on a table with rows (a NOT NULL column without a default): it must fail
  // and leave the catalog as it was.
  if (fails_on_rows) {
    std::string catalog = pull(db);
    CHECK_MESSAGE(test::psql_file(db.url(), up).exit_code != 0, "UP applied on rows:\n" << up);
    CHECK(pull(db) == catalog);
    MESSAGE(where << ": UP adds a NOT NULL column without a default, so it fails on rows as its header says");
    return;
  }
  if (!apply(db, up, stem + " UP")) return;
  check_plan_empty(p, db, "after.dsl", "after UP");
  check_rows_kept(db, before, after, "after UP");
  if (!apply(db, down, stem + " DOWN")) return;
  check_plan_after_down(p, db, down);
  check_rows_kept(db, after, before, "after DOWN");
  if (apply(db, up, stem + " UP after DOWN")) check_plan_empty(p, db, "after.dsl", "after UP, DOWN, UP");
}

void all_cases(Server server) {
  auto cases = test::golden_plan_cases();
  REQUIRE(cases.size() >= 15);
  for (auto& dir : cases) {
    try {
      files_case(server, dir);
    } catch (const std::exception& e) {
      FAIL_CHECK(dir.filename().string() << ": " << std::string(e.what()));
    }
  }
}

}  // namespace

TEST_CASE("files apply: every golden case's migration files with psql on tables with rows, pg15") {
  all_cases(Server::pg15);
}
TEST_CASE("files apply: every golden case's migration files with psql on tables with rows, tsdb (Apache)") {
  all_cases(Server::tsdb);
}
TEST_CASE("files apply: golden hypertable cases' migration files with psql on tables with rows, tsl") {
  all_cases(Server::tsl);
}

TEST_CASE("files apply: the DOWN of a dropped NOT NULL column runs on a table with rows and says the data is gone") {
  TestDb db(Server::pg15);
  Project p;
  p.dir.write("before.dsl", "enum side { buy, sell }\n\ntable t {\n  id   int primary key\n  n    bigint\n"
                            "  s    varchar(10)\n  side side\n  at   timestamptz\n}\n");
  p.dir.write("after.dsl", "enum side { buy, sell }\n\ntable t {\n  id int primary key\n}\n");
  REQUIRE(p.run({"migrate", "new", "init", "--file", "before.dsl"}).exit_code == 0);
  REQUIRE(apply(db, p.file("0001_init.up.sql"), "0001 UP"));
  db.exec("INSERT INTO public.t VALUES (1, 10, 'x', 'sell', now()), (2, 20, 'y', 'sell', now())");
  REQUIRE(p.run({"migrate", "new", "drop", "--file", "after.dsl", "--allow-destructive"}).exit_code == 0);
  std::string down = p.file("0002_drop.down.sql");
  CHECK(down.find("-- the data of public.t.n is gone: this brings the column back, not its values") !=
        std::string::npos);
  CHECK(p.file("0002_drop.up.sql").find("[DESTRUCTIVE, data not restored by DOWN") != std::string::npos);
  REQUIRE(apply(db, p.file("0002_drop.up.sql"), "0002 UP"));
  REQUIRE(apply(db, down, "0002 DOWN"));
  check_plan_empty(p, db, "before.dsl", "after DOWN");
  CHECK(db.query_rows("SELECT id, n, s, side, at = '1970-01-01 00:00:00+00' FROM public.t ORDER BY id") ==
        std::vector<test::Row>{{"1", "0", "", "buy", "t"}, {"2", "0", "", "buy", "t"}});
  // No default is left behind: a new row must still give every column.
  CHECK_THROWS(db.exec("INSERT INTO public.t (id) VALUES (3)"));
}

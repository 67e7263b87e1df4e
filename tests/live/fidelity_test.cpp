// The fidelity corpus (tests/fidelity/*.sql): hand-written DDL, one construct a case, as a team writes it. Each
// case says on which server it runs and what schemac must do with it:
//   -- server: pg15 | tsdb | tsl  (tsl: the Timescale-license server, for compression; its one database is shared,
//                               so a case there says `create extension if not exists timescaledb`)
//   -- expect: exact            pull -> plan -> apply rebuilds the same catalog (catalog_fingerprint, read with
//                               PostgreSQL's own deparsers, not schemac's), planning again is empty, and DOWN
//                               leaves the database as it was before UP
//   -- expect: warns TEXT       (one line each) pull names what it cannot model, with TEXT among its warnings
//   -- unmanaged: SQL           (one statement a line) what schemac leaves alone but the declaration names (an
//                               integer_now function): run first on the original and on the rebuilt database
// The test prints the figure: how many cases round-trip exactly, how many are refused by name.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fingerprint.hpp"
#include "model/text.hpp"
#include "model/types.hpp"
#include "live_util.hpp"
#include "testdb.hpp"

namespace fs = std::filesystem;
using schemac::test::catalog_fingerprint;
using schemac::test::describe;
using schemac::test::RunResult;
using schemac::test::run_schemac;
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::TestDb;

namespace {

struct Case {
  std::string name;
  std::string sql;
  Server server = Server::pg15;
  bool exact = false;
  std::vector<std::string> warnings;  // expected among pull's warnings
  std::string unmanaged;              // SQL run on both databases first
};

Case read_case(const fs::path& file) {
  Case c;
  c.name = file.stem().string();
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  c.sql = text.str();
  std::istringstream lines(c.sql);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("-- server: ", 0) == 0) {
      const std::string name = line.substr(11);
      c.server = name == "tsdb" ? Server::tsdb : name == "tsl" ? Server::tsl : Server::pg15;
    }
    if (line.rfind("-- unmanaged: ", 0) == 0) c.unmanaged += line.substr(14) + "\n";
    if (line == "-- expect: exact") c.exact = true;
    if (line.rfind("-- expect: warns ", 0) == 0) c.warnings.push_back(line.substr(17));
  }
  return c;
}

std::vector<Case> corpus() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "fidelity"))
    if (e.path().extension() == ".sql") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Case> out;
  for (const fs::path& f : files) out.push_back(read_case(f));
  return out;
}

// UP of the pulled schema on an empty database, the catalogs compared, the plan again empty, DOWN back to empty
// (check_up_down). True when all of it held.
bool check_exact(const Case& c, const std::string& pulled, const std::string& original) {
  TestDb rebuilt(c.server);
  if (!c.unmanaged.empty()) rebuilt.exec(c.unmanaged);
  TempDir dir;
  dir.write("schema.dsl", pulled);
  INFO("pulled:\n" << pulled);
  bool same = false;
  const schemac::test::UpDown r = schemac::test::check_up_down(rebuilt, dir, "schema.dsl", [&](const schemac::test::UpDown& u) {
    same = u.after == original;
    CHECK_MESSAGE(same, "the rebuilt catalog differs:\n" << u.after << "\n--- original:\n" << original);
  });
  return same && r.ok;
}

// One case: true when schemac did what the case expects.
bool run_case(const Case& c) {
  REQUIRE_MESSAGE(c.exact != !c.warnings.empty(), c.name << ": say `-- expect: exact` or `-- expect: warns`");
  std::string fingerprint;
  RunResult pulled;
  {  // gone before the rebuild: on tsl both are the server's one database
    TestDb original(c.server);
    original.exec(c.unmanaged + c.sql);
    fingerprint = catalog_fingerprint(original);
    pulled = run_schemac({"pull", "--db", original.url()});
  }
  REQUIRE_MESSAGE(pulled.exit_code == 0, describe(pulled));
  bool ok = true;
  if (c.exact) {
    ok = pulled.err.find("warning:") == std::string::npos;
    CHECK_MESSAGE(ok, describe(pulled));
    return check_exact(c, pulled.out, fingerprint) && ok;
  }
  for (const std::string& w : c.warnings) {
    const bool named = pulled.err.find(w) != std::string::npos;
    CHECK_MESSAGE(named, "no warning `" << w << "`\n" << describe(pulled));
    ok = ok && named;
  }
  return ok;
}

}  // namespace

TEST_CASE("fidelity corpus: hand-written DDL round-trips exactly through pull, or pull names what it drops") {
  int exact = 0, refused = 0, failed = 0;
  std::vector<Case> cases = corpus();
  REQUIRE(!cases.empty());
  for (const Case& c : cases) {
    CAPTURE(c.name);
    bool ok = false;
    try {
      ok = run_case(c);
    } catch (const std::exception& e) {
      FAIL_CHECK(c.name << ": " << std::string(e.what()));
    } catch (...) {  // a failed REQUIRE inside the case, already recorded: go on with the next case
    }
    (ok ? (c.exact ? exact : refused) : failed)++;
  }
  MESSAGE("fidelity corpus: " << cases.size() << " cases: " << exact << " round-trip exactly, " << refused
                              << " refused by name, " << failed << " failed");
  CHECK(failed == 0);
}

namespace {

// CREATE TABLE with a column of every canonical built-in type and an array of each, and the types that take
// modifiers once more with them. Serial kinds are left out: they are int columns with a sequence, their own case.
std::string every_builtin_table() {
  std::vector<std::string> cols;
  auto add = [&](schemac::Type t) {
    schemac::canonicalize_type(t);
    std::string col = "c" + std::to_string(cols.size());
    cols.push_back(col + " " + schemac::sql_type(t));
    t.array_dims = 1;
    cols.push_back(col + "_a " + schemac::sql_type(t));
  };
  for (const std::string& n : schemac::builtin_type_names())
    if (!schemac::is_serial(schemac::Type{{}, n, {}, 0})) add(schemac::Type{{}, n, {}, 0});
  for (auto [n, mods] : std::vector<std::pair<std::string, std::vector<int64_t>>>{
           {"numeric", {20, 8}}, {"numeric", {5}}, {"varchar", {10}}, {"char", {5}}, {"bit", {8}},
           {"varbit", {16}}, {"timestamptz", {3}}, {"timestamp", {0}}, {"time", {2}}, {"timetz", {4}},
           {"interval", {1}}})
    add(schemac::Type{{}, n, mods, 0});
  return "CREATE TABLE every_type (" + schemac::join(cols) + ");";
}

}  // namespace

TEST_CASE("fidelity: every built-in type of PostgreSQL 15 and 17, with modifiers and as an array, round-trips") {
  for (Server server : {Server::pg15, Server::tsdb}) {
    CAPTURE(schemac::test::server_name(server));
    Case c;
    c.name = "every built-in type";
    c.server = server;
    c.exact = true;
    c.sql = every_builtin_table();
    CHECK(run_case(c));
  }
}

TEST_CASE("fidelity: the built-in types schemac knows are pg_catalog's, but for PostgreSQL's internal ones") {
  // Types for PostgreSQL's own catalogs and index internals: no user value can be written into them.
  const std::set<std::string> internal = {"pg_node_tree", "pg_ndistinct", "pg_dependencies", "pg_mcv_list",
                                          "pg_brin_bloom_summary", "pg_brin_minmax_multi_summary", "gtsvector"};
  for (Server server : {Server::pg15, Server::tsdb}) {
    CAPTURE(schemac::test::server_name(server));
    TestDb db(server);
    std::set<std::string> seen;
    for (auto& r : db.query_rows("SELECT typname, format_type(oid, NULL) FROM pg_type WHERE typnamespace = "
                                 "'pg_catalog'::regnamespace AND typtype IN ('b', 'r', 'm') AND typcategory <> 'A' "
                                 "AND typname NOT LIKE '\\_%'")) {
      CAPTURE(r[0]);
      const schemac::Type t = schemac::type_from_pg(r[1]);
      CHECK(schemac::is_builtin_type(t.name) != internal.count(r[0]));
      seen.insert(t.name);
    }
    for (const std::string& n : schemac::builtin_type_names()) {
      CAPTURE(n);
      CHECK((seen.count(n) || schemac::is_serial(schemac::Type{{}, n, {}, 0})));
    }
  }
}

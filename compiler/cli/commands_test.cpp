// The commands as a user runs them: the real binary in a temporary directory, with files planted the way a hostile
// or careless user would plant them. Each test checks the exit code, the message and what is left on disk.
#include "cli/commands.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "model/files.hpp"
#include "migrate/migrate.hpp"
#include "parallel_branches.hpp"
#include "temp_dir.hpp"
#include "testdb.hpp"

namespace fs = std::filesystem;
using schemac::read_file;
using schemac::test::RunResult;

namespace {

constexpr const char* kSchema = "table t {\n  id int\n}\n";
constexpr const char* kUnformatted = "table t {\n  id    int\n}\n";

// A project directory to run the binary in.
struct Project : schemac::test::TempDir {
  void put(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
  RunResult run(const std::vector<std::string>& args) const { return schemac::test::run_schemac(args, path.string()); }
};

std::string describe(const RunResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\nstdout:\n" + r.out + "stderr:\n" + r.err;
}

// A failure the user caused: exit 1, one error saying `what`, a hint, and no crash.
void check_clear_error(const RunResult& r, const std::string& what) {
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(what) != std::string::npos);
  CHECK(r.err.find("hint: ") != std::string::npos);
  CHECK(r.err.find("terminate called") == std::string::npos);
  CHECK(r.err.find("filesystem error") == std::string::npos);
}

}  // namespace

TEST_CASE("cli: fmt does not follow a planted schema.dsl.tmp symlink") {
  Project p;
  p.put("schema.dsl", kUnformatted);
  p.put("victim", "precious\n");
  fs::create_symlink(p.path / "victim", p.path / "schema.dsl.tmp");
  RunResult r = p.run({"fmt", "schema.dsl"});
  CHECK_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(read_file(p.path / "victim") == "precious\n");
  CHECK(fs::is_symlink(p.path / "schema.dsl.tmp"));
  CHECK_FALSE(fs::is_symlink(p.path / "schema.dsl"));
  CHECK(read_file(p.path / "schema.dsl") == kSchema);
  CHECK(p.names() == std::vector<std::string>{"schema.dsl", "schema.dsl.tmp", "victim"});
}

TEST_CASE("cli: fmt on a symlinked schema keeps the link and formats the file it points at") {
  Project p;
  fs::create_directory(p.path / "shared");
  p.put("shared/schema.dsl", kUnformatted);
  fs::create_symlink("shared/schema.dsl", p.path / "schema.dsl");
  RunResult r = p.run({"fmt"});
  CHECK_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(fs::is_symlink(p.path / "schema.dsl"));
  CHECK(read_file(p.path / "shared" / "schema.dsl") == kSchema);
  CHECK(p.names("shared") == std::vector<std::string>{"schema.dsl"});
}

TEST_CASE("cli: a symlink loop is a clear error for every command that reads the schema") {
  Project p;
  fs::create_symlink("schema.dsl", p.path / "schema.dsl");
  for (std::vector<std::string> args :
       {std::vector<std::string>{"check"}, {"fmt"}, {"fmt", "--check"}, {"plan"}, {"migrate", "new", "x"}}) {
    CAPTURE(args[0]);
    check_clear_error(p.run(args), "schema.dsl: error: cannot read: a symlink loop");
  }
}

TEST_CASE("cli: check on a directory or a missing file is an error, not ok (0 tables)") {
  Project p;
  fs::create_directory(p.path / "somedir");
  RunResult dir = p.run({"check", "somedir/"});
  check_clear_error(dir, "somedir/: error: cannot read: is a directory");
  CHECK(dir.err.find("`schemac check somedir/schema.dsl`") != std::string::npos);
  CHECK(dir.out.empty());
  RunResult missing = p.run({"check", "missing.dsl"});
  check_clear_error(missing, "missing.dsl: error: cannot read: no such file or directory");
  CHECK(missing.out.empty());
}

TEST_CASE("cli: a migrations path that is a regular file is an error for plan and migrate") {
  Project p;
  p.put("schema.dsl", kSchema);
  p.put("migrations", "not a directory\n");
  check_clear_error(p.run({"plan"}), "migrations: error: the migrations directory is not a directory");
  check_clear_error(p.run({"migrate", "new", "init"}), "the migrations directory is not a directory");
  check_clear_error(p.run({"migrate", "hash"}), "the migrations directory is not a directory");
  CHECK(read_file(p.path / "migrations") == "not a directory\n");
}

TEST_CASE("cli: a missing migrations directory is no migrations yet for plan; migrate hash refuses it") {
  Project p;
  p.put("schema.dsl", kSchema);
  RunResult plan = p.run({"plan"});
  CHECK_MESSAGE(plan.exit_code == 0, describe(plan));
  CHECK(plan.out.find("CREATE TABLE public.t") != std::string::npos);
  check_clear_error(p.run({"migrate", "hash"}), "migrations: no migrations directory");
  CHECK_FALSE(fs::exists(p.path / "migrations"));
}

TEST_CASE("cli: migrate new does not follow planted .tmp symlinks in migrations/") {
  Project p;
  p.put("schema.dsl", kSchema);
  p.put("victim", "precious\n");
  fs::create_directory(p.path / "migrations");
  fs::create_symlink(p.path / "victim", p.path / "migrations" / "schemac.sum.tmp");
  RunResult r = p.run({"migrate", "new", "init"});
  CHECK_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(r.err.find("schemac.sum.tmp: warning: not a migration file") != std::string::npos);
  CHECK(read_file(p.path / "victim") == "precious\n");
  CHECK(p.names("migrations") == std::vector<std::string>{"0001_init.down.sql", "0001_init.snapshot.dsl",
                                                          "0001_init.up.sql", "schemac.sum", "schemac.sum.tmp"});

  // One named like a migration file is refused before anything is written.
  fs::create_symlink(p.path / "victim", p.path / "migrations" / "0002_next.up.sql.tmp");
  p.put("schema.dsl", "table t {\n  id int\n  x  int\n}\n");
  RunResult named = p.run({"migrate", "new", "next"});
  check_clear_error(named, "0002_next.up.sql.tmp: error: not a valid migration file name");
  CHECK(read_file(p.path / "victim") == "precious\n");
  CHECK_FALSE(fs::exists(p.path / "migrations" / "0002_next.up.sql"));
}

TEST_CASE("cli: migrate new never writes a second 0003 beside a malformed 0003") {
  Project p;
  p.put("schema.dsl", kSchema);
  REQUIRE(p.run({"migrate", "new", "init"}).exit_code == 0);
  p.put("schema.dsl", "table t {\n  id int\n  x  int\n}\n");
  REQUIRE(p.run({"migrate", "new", "add_x"}).exit_code == 0);
  for (auto ext : {".up.sql", ".down.sql", ".snapshot.dsl"}) p.put(std::string("migrations/0003_Add_Y") + ext, "x");
  auto before = p.names("migrations");
  p.put("schema.dsl", "table t {\n  id int\n  x  int\n  y  int\n}\n");
  RunResult r = p.run({"migrate", "new", "add_y"});
  check_clear_error(r, "migrations/0003_Add_Y.up.sql: error: not a valid migration file name: its name must be "
                       "lower-case letters and digits joined by single underscores");
  CHECK(r.err.find("rename it to 0003_add_y.up.sql") != std::string::npos);
  CHECK(p.names("migrations") == before);
  // plan and migrate hash refuse it alike: a sum must not bless a directory that cannot be read back.
  check_clear_error(p.run({"plan"}), "0003_Add_Y.snapshot.dsl: error: not a valid migration file name");
  check_clear_error(p.run({"migrate", "hash"}), "0003_Add_Y.down.sql: error: not a valid migration file name");
}

TEST_CASE("cli: versions past 999999999 and non-UTF-8 names in migrations/ are errors naming the file") {
  Project p;
  p.put("schema.dsl", kSchema);
  fs::create_directory(p.path / "migrations");
  p.put("migrations/1000000000_big.up.sql", "x");
  p.put("migrations/0001_caf\xff.up.sql", "x");
  RunResult r = p.run({"plan"});
  check_clear_error(r, "migrations/1000000000_big.up.sql: error: not a valid migration file name: its version is "
                       "past 999999999");
  CHECK(r.err.find("migrations/0001_caf\\xFF.up.sql: error: not a valid migration file name") != std::string::npos);
  CHECK(r.err.find('\xff') == std::string::npos);
}

TEST_CASE("cli: a directory named like a migration file is an error, not a crash") {
  Project p;
  p.put("schema.dsl", kSchema);
  fs::create_directories(p.path / "migrations" / "0001_init.up.sql");
  check_clear_error(p.run({"plan"}), "0001_init.up.sql: error: named like a migration file but is a directory");
}

TEST_CASE("cli: a stray README in migrations/ is a warning and does not stop migrate new") {
  Project p;
  p.put("schema.dsl", kSchema);
  fs::create_directory(p.path / "migrations");
  p.put("migrations/README.md", "notes\n");
  RunResult r = p.run({"migrate", "new", "init"});
  CHECK_MESSAGE(r.exit_code == 0, describe(r));
  CHECK(r.err.find("migrations/README.md: warning: not a migration file; it is ignored") != std::string::npos);
  CHECK(fs::exists(p.path / "migrations" / "0001_init.up.sql"));
}

TEST_CASE("cli: a hostile DATABASE_URL, from the environment or from .env, never shows its password") {
  Project p;
  for (std::string url : {"POSTGRESQL://alice:s3cret@127.0.0.1:1/app", " postgresql://alice:s3cret@127.0.0.1:1/app",
                          "postgresql://alice:s3cr%zzet@127.0.0.1:1/app", "postgresql://alice:s3cr@t@127.0.0.1:1/app",
                          "postgresql://127.0.0.1:1/app?pass%77ord=s3cret",
                          "host=127.0.0.1 port=1 password='s3cret x' stray"}) {
    CAPTURE(url);
    RunResult env = schemac::test::run_program({"env", "DATABASE_URL=" + url, SCHEMAC_BINARY, "pull"}, p.path);
    INFO(describe(env));
    CHECK(env.exit_code == 1);
    CHECK(env.err.rfind("error: ", 0) == 0);
    CHECK(env.err.find("s3cr") == std::string::npos);
    CHECK(env.out.empty());

    p.put(".env", "DATABASE_URL='" + url + "'\n");
    RunResult dotenv = schemac::test::run_program({"env", "-u", "DATABASE_URL", SCHEMAC_BINARY, "pull"}, p.path);
    INFO(describe(dotenv));
    CHECK(dotenv.exit_code == 1);
    CHECK(dotenv.err.find("s3cr") == std::string::npos);
    // A URL that cannot be shown is named by where it came from.
    if (dotenv.err.find("invalid database URL") != std::string::npos)
      CHECK(dotenv.err.find("(from ./.env)") != std::string::npos);
  }
}

TEST_CASE("cli: the TimescaleDB edition is chosen with the first migration and changed only deliberately") {
  Project p;
  p.put("schema.dsl", "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n  v  int\n\n"
                      "  hypertable on ts {\n    retention 7 days\n  }\n}\n");
  check_clear_error(p.run({"migrate", "new", "init"}), "choose the TimescaleDB edition the migrations in migrations");
  CHECK_FALSE(fs::exists(p.path / "migrations" / "0001_init.up.sql"));

  // Apache: the retention policy is refused unless scheduled with pg_cron; the choice is recorded.
  RunResult apache = p.run({"migrate", "new", "init", "--edition", "apache", "--retention-via-cron"});
  INFO(describe(apache));
  REQUIRE(apache.exit_code == 0);
  CHECK(read_file(p.path / "migrations" / "schemac.edition").ends_with("\napache\n"));
  CHECK(read_file(p.path / "migrations" / "0001_init.up.sql").find("cron.schedule") != std::string::npos);
  CHECK(read_file(p.path / "migrations" / "0001_init.up.sql").find("add_retention_policy") == std::string::npos);

  // Later migrations and offline plans use the record; another --edition is refused with the command to change it.
  p.put("schema.dsl", "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n  v  int\n\n"
                      "  hypertable on ts {\n    retention 8 days\n  }\n}\n");
  RunResult offline = p.run({"plan"});
  INFO(describe(offline));
  CHECK(offline.exit_code == 1);  // retention on the recorded Apache edition, without --retention-via-cron
  CHECK(offline.err.find("Apache") != std::string::npos);
  check_clear_error(p.run({"migrate", "new", "longer", "--edition", "timescale"}),
                    "--edition timescale: the migrations in migrations are written for the apache edition");
  CHECK(p.run({"migrate", "edition"}).out == "apache\n");
  RunResult changed = p.run({"migrate", "edition", "timescale"});
  CHECK(changed.exit_code == 0);
  CHECK(changed.out == "migrations now targets the timescale edition (was apache); migrations already written are "
                       "not changed\n");
  RunResult next = p.run({"migrate", "new", "longer"});
  INFO(describe(next));
  REQUIRE(next.exit_code == 0);
  CHECK(read_file(p.path / "migrations" / "0002_longer.up.sql").find("add_retention_policy") != std::string::npos);
  // The edition file is part of the directory: no "not a migration file" warning for it.
  CHECK(next.err.find("schemac.edition") == std::string::npos);

  p.put("migrations/schemac.edition", "enterprise\n");
  check_clear_error(p.run({"plan"}), "migrations/schemac.edition:1: \"enterprise\" is not a TimescaleDB edition");
}

namespace {
constexpr const char* kBranchBase = "table t {\n  id int primary key\n}\n";
constexpr const char* kBranchA = "table t {\n  id int primary key\n  a  text?\n}\n";
constexpr const char* kBranchB = "table t {\n  id int primary key\n  b  int?\n}\n";
constexpr const char* kBranchesMerged = "table t {\n  id int primary key\n  a  text?\n  b  int?\n}\n";
}  // namespace

TEST_CASE("cli: a renumbered parallel migration is caught by its lineage and rebased onto the other") {
  schemac::test::ParallelBranches p(kBranchBase, kBranchA, kBranchB);
  p.put("schema.dsl", kBranchesMerged);
  check_clear_error(p.run({"plan"}), "version 0002 is used by two migrations");
  CHECK(p.run({"plan"}).err.find("schemac migrate rebase NNNN") != std::string::npos);
  p.renumber();
  // Before lineage, this plan re-added column a: 0003's snapshot never had it.
  RunResult stale = p.run({"plan"});
  check_clear_error(stale, "migrations/0003_add_b.snapshot.dsl:1:1: error: migration 0003_add_b was planned on "
                           "0001_init, not on the state 0002_add_a leaves now");
  CHECK(stale.err.find("run `schemac migrate rebase 0003` to re-plan it onto 0002_add_a") != std::string::npos);
  CHECK(stale.out.empty());
  check_clear_error(p.run({"migrate", "new", "more"}), "was planned on 0001_init");
  std::string b_up = p.file("migrations/0003_add_b.up.sql");

  RunResult r = p.run({"migrate", "rebase", "0003"});
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "rebased 0003_add_b onto 0002_add_a (1 change): rewrote its up, down and snapshot files and "
                 "schemac.sum\n");
  // The same change (only the state under it moved), and its header names it by its new version now.
  CHECK(b_up.find("-- migration 0002_add_b (up)") == 0);
  CHECK(p.file("migrations/0003_add_b.up.sql") == "-- migration 0003_add_b (up)" + b_up.substr(28));
  CHECK(p.file("migrations/0003_add_b.snapshot.dsl").find("  a  text?\n  b  int?\n") != std::string::npos);
  CHECK(p.file("migrations/0003_add_b.snapshot.dsl").starts_with("// schemac:parent h1:"));
  RunResult after = p.run({"plan", "--exit-code"});
  CHECK_MESSAGE(after.exit_code == 0, describe(after));
  CHECK(after.err.empty());
  CHECK(p.run({"migrate", "rebase", "0003"}).out == "0003_add_b is already planned on 0002_add_a: nothing to rebase\n");
  CHECK(p.run({"migrate", "hash"}).exit_code == 0);
  CHECK(p.file("migrations/schemac.sum") == schemac::sum_text(p.path / "migrations"));
}

TEST_CASE("cli: rebase refuses a conflict, naming the object, and writes nothing") {
  schemac::test::ParallelBranches p(kBranchBase, "table t {\n  id bigint primary key\n}\n",
                                    "table t {\n  id text primary key\n}\n");
  p.renumber();
  auto names = p.names("migrations");
  std::string before = p.file("migrations/0003_add_b.snapshot.dsl") + p.file("migrations/schemac.sum");
  RunResult r = p.run({"migrate", "rebase", "0003"});
  check_clear_error(r, "cannot rebase 0003_add_b onto 0002_add_a: both changed the same objects:\n  - column id of "
                       "table public.t: changed differently on both sides");
  CHECK(p.file("migrations/0003_add_b.snapshot.dsl") + p.file("migrations/schemac.sum") == before);
  CHECK(p.names("migrations") == names);
  check_clear_error(p.run({"migrate", "rebase", "0001"}), "0001_init is the first migration");
  check_clear_error(p.run({"migrate", "rebase", "0009"}), "no migration 0009");
  check_clear_error(p.run({"migrate", "rebase", "x7"}), "\"x7\" is not a migration version");
}

TEST_CASE("cli: rebasing a migration whose change the other branch already made refuses, writing nothing") {
  schemac::test::ParallelBranches p(kBranchBase, kBranchA, kBranchA);
  p.renumber();
  check_clear_error(p.run({"migrate", "rebase", "0003"}), "0003_add_b changes nothing: its change is already made");
}

namespace {

constexpr const char* kTwoColumns = "table t {\n  id   int\n  note text\n}\n";
constexpr const char* kRetention =
    "extension timescaledb\n\ntable ticks {\n  ts timestamptz\n\n  hypertable on ts {\n    retention 14 days\n  }\n}\n";

// A refused plan in every format: exit 1, the reason on stderr, and not one statement on stdout.
void check_refused_plan(const Project& p, std::vector<std::string> args, const std::string& reason) {
  for (std::string format : {"sql", "json", "markdown"}) {
    CAPTURE(format);
    std::vector<std::string> a = args;
    a.insert(a.end(), {"--format", format});
    RunResult r = p.run(a);
    INFO(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(reason) != std::string::npos);
    for (const char* sql : {"CREATE", "DROP", "ALTER", "SELECT", "BEGIN"}) CHECK(r.out.find(sql) == std::string::npos);
    if (format == "sql") CHECK(r.out.empty());
    if (format == "markdown") CHECK(r.out.find("refused") != std::string::npos);
    if (format == "json") {
      nlohmann::json j = nlohmann::json::parse(r.out);
      CHECK(j["refused"] == true);
      CHECK(j["up"] == "");
      CHECK(j["down"] == "");
      CHECK(j["changes"].empty());
      REQUIRE(j["diagnostics"].size() >= 1);
      CHECK(j["diagnostics"][0]["severity"] == "error");
      CHECK(j["diagnostics"][0]["message"].get<std::string>().find(reason) != std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("cli: a destructive plan without --allow-destructive prints no SQL in any format") {
  Project p;
  p.put("before.dsl", kTwoColumns);
  p.put("schema.dsl", kSchema);
  check_refused_plan(p, {"plan", "--from", "before.dsl"}, "destructive change that can lose data");
  RunResult allowed = p.run({"plan", "--from", "before.dsl", "--allow-destructive", "--format", "json"});
  CHECK_MESSAGE(allowed.exit_code == 0, describe(allowed));
  CHECK(nlohmann::json::parse(allowed.out)["refused"] == false);
  CHECK(allowed.out.find("DROP COLUMN note") != std::string::npos);
}

TEST_CASE("cli: a plan the edition refuses prints no SQL in any format") {
  Project p;
  p.put("schema.dsl", kRetention);
  check_refused_plan(p, {"plan", "--edition", "apache"}, "needs TimescaleDB's Timescale license");
  CHECK(p.run({"plan", "--edition", "timescale"}).out.find("add_retention_policy") != std::string::npos);
}

TEST_CASE("cli: migrate new writes nothing for a destructive or edition-refused plan") {
  Project p;
  p.put("schema.dsl", kTwoColumns);
  REQUIRE(p.run({"migrate", "new", "init"}).exit_code == 0);
  std::vector<std::string> files = p.names("migrations");
  std::string sum = read_file(p.path / "migrations" / "schemac.sum");

  p.put("schema.dsl", kSchema);
  RunResult destructive = p.run({"migrate", "new", "drop_note"});
  check_clear_error(destructive, "destructive change that can lose data");
  CHECK(destructive.out.empty());

  p.put("schema.dsl", std::string(kTwoColumns) + "\n" + kRetention);
  RunResult edition = p.run({"migrate", "new", "ticks", "--edition", "apache"});
  check_clear_error(edition, "needs TimescaleDB's Timescale license");
  CHECK(edition.out.empty());

  CHECK(p.names("migrations") == files);
  CHECK(read_file(p.path / "migrations" / "schemac.sum") == sum);
}

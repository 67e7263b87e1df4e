// Whole-compiler golden tests: every directory under tests/golden/<kind>/<case>/ is one case, run through the
// real schemac binary the way a user runs it. Set SCHEMAC_UPDATE_GOLDEN=1 (scripts/update-golden.sh) to rewrite
// the expected files from the current output, then review the diff.
//
//   check/<case>/input.dsl -> expected.txt  `schemac check input.dsl`: "exit: N" line, then stdout and stderr
//   fmt/<case>/input.dsl   -> expected.dsl  `schemac fmt - < input.dsl`, plus fmt(expected) == expected
//   plan/<case>/before.dsl, after.dsl -> up.sql, down.sql, plan.json
//                                           `schemac plan after.dsl --from before.dsl --format ...`
//   <kind>/<case>/case.json                 any kind (migrate/ has only these): the command in case.json, its
//                                           stdout, stderr, exit code and written files compared
//                                           (tests/golden/README.md; pull/ cases run in the live tests)
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "migrate/migrate.hpp"
#include <nlohmann/json.hpp>

#include "golden_case.hpp"
#include "sql/script.hpp"

namespace fs = std::filesystem;
using schemac::test::slurp;
using schemac::test::updating_golden;
using schemac::test::expect_text;

namespace {

struct Run {
  int exit_code = -1;
  std::string output;  // stdout, then stderr
  std::string out;     // stdout alone
};

// Runs a shell command in `dir`, capturing stdout then stderr (kept apart so their order is deterministic).
Run run_in(const fs::path& dir, const std::string& cmd) {
  fs::path err = fs::temp_directory_path() / ("schemac_golden_err_" + std::to_string(::getpid()));
  std::string full = "cd '" + dir.string() + "' && " + cmd + " 2>'" + err.string() + "'";
  Run r;
  FILE* p = popen(full.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = r.output;
  std::ifstream e(err);
  std::stringstream ss;
  ss << e.rdbuf();
  r.output += ss.str();
  fs::remove(err);
  return r;
}



// The cases run by their kind's fixed command (those with a case.json say their own, see below).
std::vector<fs::path> cases(const std::string& kind) { return schemac::test::golden_cases(kind, false); }

// A script the runner can read: split_script finds sections and no error, and every statement is in one.
void check_sections(const std::string& script, const std::string& what) {
  schemac::Diagnostics d;
  auto sections = schemac::split_script(what, script, d);
  std::string errors;
  for (auto& x : d) errors += "\n" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col) + ": " + x.message;
  CHECK_MESSAGE(d.empty(), what << ":" << errors);
  CHECK(!sections.empty());
}

const std::string kSchemac = std::string("'") + SCHEMAC_BINARY + "'";

}  // namespace

TEST_CASE("golden: check diagnostics") {
  auto all = cases("check");
  CHECK(all.size() > 0);
  for (auto& dir : all) {
    SUBCASE(dir.filename().string().c_str()) {
      Run r = run_in(dir, kSchemac + " check input.dsl");
      expect_text(dir / "expected.txt", "exit: " + std::to_string(r.exit_code) + "\n" + r.output);
    }
  }
}

TEST_CASE("golden: fmt layout") {
  auto all = cases("fmt");
  CHECK(all.size() > 0);
  for (auto& dir : all) {
    SUBCASE(dir.filename().string().c_str()) {
      Run r = run_in(dir, kSchemac + " fmt - < input.dsl");
      CHECK(r.exit_code == 0);
      expect_text(dir / "expected.dsl", r.output);
      Run again = run_in(dir, kSchemac + " fmt - < expected.dsl");
      CHECK(again.output == slurp(dir / "expected.dsl"));  // idempotent
    }
  }
}

TEST_CASE("golden: plan between two declarations") {
  auto all = cases("plan");
  CHECK(all.size() > 0);
  for (auto& dir : all) {
    SUBCASE(dir.filename().string().c_str()) {
      std::string base = kSchemac + " plan after.dsl --from before.dsl --allow-destructive --format ";
      Run json = run_in(dir, base + "json");
      CHECK(json.exit_code == 0);
      expect_text(dir / "plan.json", json.output);
      Run up = run_in(dir, base + "sql");
      expect_text(dir / "up.sql", up.output);
      check_sections(up.out, "up.sql");
      Run down = run_in(dir, kSchemac + " plan before.dsl --from after.dsl --allow-destructive --format sql");
      expect_text(dir / "reverse.sql", down.output);
      check_sections(down.out, "reverse.sql");
      check_sections(nlohmann::json::parse(json.out)["down"], "plan.json down");
      Run md = run_in(dir, base + "markdown");
      expect_text(dir / "plan.md", md.output);
      CHECK(run_in(dir, base + "sql --exit-code").exit_code == 2);  // changes are pending
      CHECK(run_in(dir, kSchemac + " plan after.dsl --from after.dsl --exit-code").exit_code == 0);
    }
  }
}

TEST_CASE("golden: cases that say how they run (case.json)") {
  size_t n = 0;
  for (const char* kind : {"check", "fmt", "plan", "migrate"}) {
    for (auto& dir : schemac::test::golden_cases(kind, true)) {
      ++n;
      SUBCASE((std::string(kind) + "/" + dir.filename().string()).c_str()) { schemac::test::run_golden_case(dir); }
    }
  }
  CHECK(n > 0);
}

TEST_CASE("determinism: migrate new writes byte-identical files on every run") {
  fs::path tmp = fs::temp_directory_path() / ("schemac_determinism_" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  fs::path src = fs::path(SCHEMAC_SOURCE_DIR);
  for (auto run : {"a", "b"}) {
    Run r = run_in(src, kSchemac + " migrate new init --edition timescale --dir '" + (tmp / run).string() + "'");
    REQUIRE(r.exit_code == 0);
  }
  for (auto f : {"0001_init.up.sql", "0001_init.down.sql", "0001_init.snapshot.dsl", "schemac.sum", "schemac.edition"}) {
    CAPTURE(f);
    CHECK(slurp(tmp / "a" / f).size() > 0);
    CHECK(slurp(tmp / "a" / f) == slurp(tmp / "b" / f));
  }
  // The newest committed snapshot is what the compiler writes today for schema.dsl.
  std::vector<fs::path> snapshots;
  for (auto& e : fs::directory_iterator(src / "migrations"))
    if (e.path().string().ends_with(".snapshot.dsl")) snapshots.push_back(e.path());
  REQUIRE(!snapshots.empty());
  // Compared without the lineage line: a first migration is planned on nothing, the newest on its predecessor.
  auto state = [](const std::string& text) {
    schemac::Snapshot s = schemac::read_snapshot_text(text);
    return s.parent.empty() ? s.dsl : s.dsl.substr(1);
  };
  CHECK(state(slurp(tmp / "a" / "0001_init.snapshot.dsl")) ==
        state(slurp(*std::max_element(snapshots.begin(), snapshots.end()))));
  fs::remove_all(tmp);
}

namespace {
struct Workdir {
  fs::path path = fs::temp_directory_path() / ("schemac_workflow_" + std::to_string(::getpid()));
  Workdir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Workdir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
  Run run(const std::string& args) const { return run_in(path, kSchemac + " " + args); }
};
}  // namespace

TEST_CASE("workflow: migrate new numbers migrations, records state and refuses what it must") {
  Workdir w;
  w.write("schema.dsl", "table t {\n  id int primary key\n  note text\n}\n");
  Run first = w.run("migrate new init");
  CHECK(first.exit_code == 0);
  CHECK(fs::exists(w.path / "migrations" / "0001_init.up.sql"));
  CHECK(slurp(w.path / "migrations" / "0001_init.up.sql").find("CREATE TABLE public.t (") != std::string::npos);
  CHECK(w.run("plan --exit-code").exit_code == 0);

  Run nothing = w.run("migrate new again");
  CHECK(nothing.exit_code == 0);
  CHECK(nothing.output.find("no changes") != std::string::npos);
  CHECK_FALSE(fs::exists(w.path / "migrations" / "0002_again.up.sql"));

  w.write("schema.dsl", "table t {\n  id int primary key\n}\n");  // drops a column
  CHECK(w.run("plan --exit-code").exit_code == 1);
  Run refused = w.run("migrate new drop_note");
  CHECK(refused.exit_code == 1);
  CHECK(refused.output.find("--allow-destructive") != std::string::npos);
  CHECK_FALSE(fs::exists(w.path / "migrations" / "0002_drop_note.up.sql"));
  CHECK(w.run("migrate new 'Drop note!' --allow-destructive").exit_code == 0);
  CHECK(slurp(w.path / "migrations" / "0002_drop_note.down.sql").find("ADD COLUMN note text") != std::string::npos);
  CHECK(w.run("plan --exit-code").exit_code == 0);

  std::ofstream(w.path / "migrations" / "0001_init.up.sql", std::ios::app) << "-- edited\n";
  Run tampered = w.run("plan");
  CHECK(tampered.exit_code == 1);
  CHECK(tampered.output.find("0001_init.up.sql: error: this migration was edited after it was written") !=
        std::string::npos);
  CHECK(w.run("migrate hash").exit_code == 0);
  CHECK(w.run("plan --exit-code").exit_code == 0);
  CHECK(w.run("migrate new '!!!'").exit_code == 1);
}

TEST_CASE("workflow: check and fmt exit codes") {
  Workdir w;
  w.write("ok.dsl", "table t {\n  id int primary key\n}\n");
  w.write("messy.dsl", "table t { id int primary key }\n");
  w.write("bad.dsl", "table t {\n  id int primary key\n  x\n}\n");
  CHECK(w.run("check ok.dsl").exit_code == 0);
  CHECK(w.run("check bad.dsl").exit_code == 1);
  CHECK(w.run("check missing.dsl").exit_code == 1);
  CHECK(w.run("fmt --check ok.dsl").exit_code == 0);
  CHECK(w.run("fmt --check messy.dsl").exit_code == 2);
  CHECK(w.run("fmt messy.dsl").exit_code == 0);
  CHECK(slurp(w.path / "messy.dsl") == slurp(w.path / "ok.dsl"));
  CHECK(w.run("fmt bad.dsl").exit_code == 1);
  CHECK(slurp(w.path / "bad.dsl") == "table t {\n  id int primary key\n  x\n}\n");  // untouched
}

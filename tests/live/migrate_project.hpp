#pragma once
// The live tests of `schemac migrate` (migrate_*_test.cpp): a scratch project whose migrations are written by
// `schemac migrate new`, run against one test database with the real CLI.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "live_util.hpp"
#include "testdb.hpp"

namespace schemac::test {

namespace fs = std::filesystem;

inline const fs::path kSource = SCHEMAC_SOURCE_DIR;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// A scratch project whose migrations are written by `schemac migrate new`, run against one database.
struct Project {
  TempDir dir;
  const TestDb& db;
  std::string edition;

  explicit Project(const TestDb& d, std::string e = "apache") : db(d), edition(std::move(e)) {}

  RunResult run(std::vector<std::string> args) const { return run_schemac(args, dir.path.string()); }
  // `schemac migrate SUB --db URL ARGS...`; the URL never shows in what it prints.
  RunResult migrate(const std::string& sub, std::vector<std::string> args = {}) const {
    args.insert(args.begin(), {"migrate", sub, "--db", db.url()});
    RunResult r = run(args);
    CHECK_MESSAGE(r.out.find(db.url()) == std::string::npos, "the URL is printed\n" << describe(r));
    CHECK_MESSAGE(r.err.find(db.url()) == std::string::npos, "the URL is printed\n" << describe(r));
    return r;
  }
  void add(const std::string& name, const std::string& dsl) const {
    spit(dir.path / "schema.dsl", dsl);
    RunResult r = run({"migrate", "new", name, "--edition", edition, "--allow-destructive"});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  }
  fs::path file(const std::string& name) const { return dir.path / "migrations" / name; }
  void rehash() const { REQUIRE(run({"migrate", "hash"}).exit_code == 0); }
  std::string pull() const {
    RunResult r = run({"pull", "--db", db.url()});
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    return r.out;
  }
  // The versions schemac.migrations records, ascending, as "1,2".
  std::string versions() const {
    RunResult r = migrate("history");
    REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
    std::string out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      auto sp = line.find(' ');
      if (sp == std::string::npos || line.rfind("no migration", 0) == 0) continue;
      out += (out.empty() ? "" : ",") + std::to_string(std::stoi(line.substr(sp + 1, 4)));
    }
    return out;
  }
};

inline const std::string kOne = "table a {\n  id bigint primary key\n}\n";
inline const std::string kTwo = kOne + "\ntable b {\n  id bigint primary key\n  note text?\n}\n";
inline const std::string kThree = kTwo + "\ntable c {\n  id bigint primary key\n}\n";

}  // namespace schemac::test

#pragma once
// Two branches that each added a migration after the same one, merged as a team merges them, driven through the
// real binary in a scratch directory (header-only: shared by compiler/cli/commands_test.cpp and the live tests):
//
//   base.dsl  --migrate new init-->  0001_init                     (on the common branch)
//   a.dsl     --migrate new add_a--> 0002_add_a                    (branch A, in migrations/)
//   b.dsl     --migrate new add_b--> 0002_add_b                    (branch B, in b/migrations/)
//   merge: B's 0002_add_b files copied into migrations/ (two 0002s), then renumber() follows the hint: moves
//   them to 0003_add_b and runs `schemac migrate hash`.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "temp_dir.hpp"
#include "testdb.hpp"

namespace schemac::test {

struct ParallelBranches : TempDir {
  ParallelBranches(const std::string& base, const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    put("base.dsl", base);
    put("a.dsl", a);
    put("b.dsl", b);
    must({"migrate", "new", "init", "--file", "base.dsl"});
    fs::create_directories(path / "b");
    fs::copy(path / "migrations", path / "b" / "migrations", fs::copy_options::recursive);
    must({"migrate", "new", "add_a", "--file", "a.dsl"});
    must({"migrate", "new", "add_b", "--file", "b.dsl", "--dir", "b/migrations"});
    for (auto* kind : kKinds) fs::copy_file(path / "b" / "migrations" / ("0002_add_b" + std::string(kind)),
                                            path / "migrations" / ("0002_add_b" + std::string(kind)));
  }

  // Renumbers B's migration to 0003 and rewrites the sum, as the duplicate-version hint says.
  void renumber() {
    namespace fs = std::filesystem;
    for (auto* kind : kKinds)
      fs::rename(path / "migrations" / ("0002_add_b" + std::string(kind)),
                 path / "migrations" / ("0003_add_b" + std::string(kind)));
    must({"migrate", "hash"});
  }

  RunResult run(const std::vector<std::string>& args) const { return run_schemac(args, path.string()); }

  void put(const std::string& name, const std::string& text) const { write(name, text); }

  std::string file(const std::string& name) const {
    std::ifstream in(path / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  static constexpr const char* kKinds[] = {".up.sql", ".down.sql", ".snapshot.dsl"};

  void must(const std::vector<std::string>& args) const {
    RunResult r = run(args);
    REQUIRE_MESSAGE(r.exit_code == 0, args[1] << " failed: " << r.err << r.out);
  }
};

}  // namespace schemac::test

// The generated code of every example schema (and the top-level one) compiles warning-free at -Wall -Wextra
// -Werror with each compiler present (g++, clang++): one translation unit per schema including all its headers,
// syntax only (linking needs no more than the round-trip test already links; one unit per header took five
// minutes on a loaded 2-core machine). Needs no server; it sits with the live tests because it is slow.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "live_util.hpp"
#include "testdb.hpp"

namespace fs = std::filesystem;
using schemac::test::describe;
using schemac::test::RunResult;
using schemac::test::run_program;
using schemac::test::run_schemac;
using schemac::test::TempDir;

TEST_CASE("codegen: every example schema's generated code compiles with -Wall -Wextra -Werror") {
  const fs::path src(SCHEMAC_SOURCE_DIR);
  std::vector<fs::path> schemas = {src / "schema.dsl"};
  for (auto& e : fs::directory_iterator(src / "examples"))
    if (fs::exists(e.path() / "schema.dsl")) schemas.push_back(e.path() / "schema.dsl");
  std::vector<std::string> compilers;
  for (const char* cxx : {"g++", "clang++"})
    if (run_program({"sh", "-c", std::string("command -v ") + cxx}).exit_code == 0) compilers.push_back(cxx);
  REQUIRE(!compilers.empty());
  size_t compiled = 0;
  for (const fs::path& schema : schemas) {
    CAPTURE(schema.string());
    TempDir dir;
    RunResult gen = run_schemac({"generate", schema.string(), "--out", "gen"}, dir.path.string());
    // A schema with a type the runtime lacks (pgvector in hyperliquid_bot) is refused, by name, with exit 1.
    if (gen.exit_code == 1 && gen.err.find("which generated C++ cannot represent") != std::string::npos) continue;
    REQUIRE_MESSAGE(gen.exit_code == 0, describe(gen));
    std::vector<std::string> headers;  // sorted: the unit is the same on every machine
    for (auto& e : fs::recursive_directory_iterator(dir.path / "gen"))
      if (e.path().extension() == ".hpp") headers.push_back(e.path().string());
    std::sort(headers.begin(), headers.end());
    REQUIRE(headers.size() >= 2);
    std::string text;
    for (auto& h : headers) text += "#include \"" + h + "\"\n";
    dir.write("tu.cpp", text + "int main() { return 0; }\n");
    for (const std::string& cxx : compilers) {
      CAPTURE(cxx);
      RunResult cc = run_program({cxx, "-std=c++20", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", "-I",
                                  (src / "runtime" / "include").string(), "-I", "/usr/include/postgresql",
                                  (dir.path / "tu.cpp").string()});
      CHECK_MESSAGE(cc.exit_code == 0, describe(cc));
      ++compiled;
    }
  }
  CHECK(compiled >= 3);
}

#include "golden_case.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "temp_dir.hpp"
#include "testdb.hpp"

namespace fs = std::filesystem;

namespace schemac::test {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool updating_golden() {
  const char* u = std::getenv("SCHEMAC_UPDATE_GOLDEN");
  return u && std::string(u) == "1";
}

void expect_text(const fs::path& expected, const std::string& actual) {
  if (updating_golden()) {
    std::ofstream(expected, std::ios::binary) << actual;
    return;
  }
  INFO("golden file: " << expected.string() << " (SCHEMAC_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(fs::exists(expected));
  CHECK(slurp(expected) == actual);
}

namespace {

// What a case states rather than feeds to the run: never copied into the scratch directory.
const std::set<std::string> kCaseOwnNames = {case_file, "expected.stdout", "expected.stderr", "written", "setup.sql"};


nlohmann::json read_case(const fs::path& dir) {
  fs::path file = dir / case_file;
  try {
    return nlohmann::json::parse(slurp(file));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

// Every regular file under `root`, by path relative to it, with its contents.
std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> out;
  if (!fs::exists(root)) return out;
  for (auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = slurp(e.path());
  return out;
}

void copy_inputs(const fs::path& from, const fs::path& to) {
  for (auto& e : fs::directory_iterator(from))
    if (!kCaseOwnNames.count(e.path().filename().string()))
      fs::copy(e.path(), to / e.path().filename(), fs::copy_options::recursive);
}

// Replaces each ${name} in `arg`; an unknown name fails the case (a pull case run without its database, say).
std::string substitute(std::string arg, const std::map<std::string, std::string>& vars) {
  for (size_t at = arg.find("${"); at != std::string::npos; at = arg.find("${", at)) {
    size_t end = arg.find('}', at);
    REQUIRE_MESSAGE(end != std::string::npos, "unclosed ${ in argument: " << arg);
    std::string name = arg.substr(at + 2, end - at - 2);
    auto v = vars.find(name);
    REQUIRE_MESSAGE(v != vars.end(), "no value for ${" << name << "} here (a pull case runs in the live tests)");
    arg.replace(at, end - at + 1, v->second);
    at += v->second.size();
  }
  return arg;
}

// The files the run created or changed (deleting one fails the case: no command should).
std::map<std::string, std::string> written_files(const std::map<std::string, std::string>& before,
                                                 const std::map<std::string, std::string>& after) {
  std::map<std::string, std::string> out;
  for (auto& [path, text] : after) {
    auto b = before.find(path);
    if (b == before.end() || b->second != text) out[path] = text;
  }
  for (auto& [path, text] : before) CHECK_MESSAGE(after.count(path), "the run deleted " << path);
  return out;
}


void expect_written(const fs::path& dir, const std::map<std::string, std::string>& written) {
  fs::path root = dir / "written";
  if (updating_golden()) {
    fs::remove_all(root);
    for (auto& [path, text] : written) {
      fs::create_directories((root / path).parent_path());
      std::ofstream(root / path, std::ios::binary) << text;
    }
    return;
  }
  std::map<std::string, std::string> expected = files_under(root);
  std::string want, got;  // one path a line, so that a failure names them
  for (auto& [path, _] : expected) want += path + "\n";
  for (auto& [path, _] : written) got += path + "\n";
  INFO("files written, against " << root.string() << " (SCHEMAC_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(got == want);
  for (auto& [path, text] : written) {
    auto e = expected.find(path);
    if (e == expected.end()) continue;
    INFO("written file: " << path);
    CHECK(e->second == text);
  }
}

}  // namespace

std::vector<fs::path> golden_cases(const std::string& kind, bool with_case_file) {
  std::vector<fs::path> out;
  fs::path root = fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "golden" / kind;
  for (auto& e : fs::directory_iterator(root))
    if (e.is_directory() && fs::exists(e.path() / case_file) == with_case_file) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string case_option(const fs::path& dir, const std::string& key) {
  nlohmann::json c = read_case(dir);
  return c.contains(key) ? c[key].get<std::string>() : std::string();
}

void run_golden_case(const fs::path& dir, const std::map<std::string, std::string>& vars) {
  nlohmann::json c = read_case(dir);
  INFO("case: " << (dir / case_file).string());
  REQUIRE_MESSAGE(c.contains("args"), "case.json needs \"args\": [...] (tests/golden/README.md)");
  REQUIRE_MESSAGE(c.contains("exit_code"), "case.json needs \"exit_code\": N (tests/golden/README.md)");
  std::vector<std::string> args;
  for (auto& a : c["args"]) args.push_back(substitute(a.get<std::string>(), vars));

  TempDir scratch;
  copy_inputs(dir, scratch.path);
  std::map<std::string, std::string> before = files_under(scratch.path);
  RunResult r = run_schemac(args, scratch.path.string());

  CHECK(r.exit_code == c["exit_code"].get<int>());
  expect_text(dir / "expected.stdout", r.out);
  expect_text(dir / "expected.stderr", r.err);
  expect_written(dir, written_files(before, files_under(scratch.path)));
}

}  // namespace schemac::test

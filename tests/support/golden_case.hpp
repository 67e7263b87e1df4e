#pragma once
// The golden cases that say how they run: a case directory with a case.json (format: tests/golden/README.md) runs
// the real schemac binary with the file's arguments in a scratch copy of the directory, and its stdout, stderr,
// exit code and the files it wrote are compared with the case's expected.stdout, expected.stderr, case.json
// "exit_code" and written/. Shared by the unit test binary (offline cases) and the live one (pull cases, which
// need a server). SCHEMAC_UPDATE_GOLDEN=1 rewrites expected.stdout, expected.stderr and written/ (never the exit
// code: that is the case's stated expectation).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace schemac::test {

// A file's bytes.
std::string slurp(const std::filesystem::path& p);
// SCHEMAC_UPDATE_GOLDEN=1: rewrite expected files instead of comparing.
bool updating_golden();

// Compares `actual` with the expected file, or rewrites the file when updating.
void expect_text(const std::filesystem::path& expected, const std::string& actual);

// The options file's name in a case directory.
inline constexpr const char* case_file = "case.json";

// The case directories under tests/golden/<kind>/, sorted; with_case_file chooses those that have a case.json
// (true) or those run by their kind's fixed command (false).
std::vector<std::filesystem::path> golden_cases(const std::string& kind, bool with_case_file);

// One string field of a case's case.json ("" when absent), e.g. the "server" a pull case needs.
std::string case_option(const std::filesystem::path& dir, const std::string& key);

// Runs the case in `dir` and checks everything it states (doctest CHECKs). Each "${name}" in the arguments is
// replaced by vars[name] (a pull case's "${db}": the URL of the database the live test made for it); a variable
// the case uses but `vars` lacks fails the case.
void run_golden_case(const std::filesystem::path& dir, const std::map<std::string, std::string>& vars = {});

}  // namespace schemac::test

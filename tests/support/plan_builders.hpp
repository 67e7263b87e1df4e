#pragma once
// The plan and render tests' helpers, beside the model builders (builders.hpp).

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "builders.hpp"
#include "plan/diff.hpp"

namespace doctest {
// Lists of statements print one per line in failure messages.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{\n";
    for (auto& s : v) out += "  " + s + "\n";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace schemac::test {

// A whole script without its section scaffolding (script.hpp: the note on how to apply it, the marker lines,
// BEGIN and COMMIT), blank lines between changes: what tests of the statements' order compare.
inline std::string changes_only(const std::string& script) {
  std::string out;
  size_t start = script.find("-- schemac:section");
  if (start == std::string::npos) return script;
  for (size_t nl; start < script.size(); start = nl + 1) {
    nl = script.find('\n', start);
    if (nl == std::string::npos) nl = script.size();
    std::string line = script.substr(start, nl - start);
    if (line.starts_with("-- schemac:section") || line == "BEGIN;" || line == "COMMIT;") continue;
    if (line.empty() && (out.empty() || out.ends_with("\n\n"))) continue;
    out += line + "\n";
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

inline DiffOptions allow() {
  DiffOptions o;
  o.allow_destructive = true;
  return o;
}

// Every change's kinds, in order.
inline std::vector<std::string> kinds(const Plan& p) {
  std::vector<std::string> out;
  for (auto& c : p.changes) out.push_back(kind_name(c.kind));
  return out;
}

inline std::vector<std::string> descriptions(const Plan& p) {
  std::vector<std::string> out;
  for (auto& c : p.changes) out.push_back(c.description);
  return out;
}

}  // namespace schemac::test

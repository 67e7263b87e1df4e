#pragma once
// The golden plan cases (tests/golden/plan/<case>/before.dsl, after.dsl) as the live tests use them, and the
// model edits that fit a case to a server: which cases need TimescaleDB, the policies the Apache edition
// refuses, the extension that already exists on the Timescale-license server (header-only, like apply_util.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "dsl/load.hpp"
#include "model/model.hpp"

namespace schemac::test {

inline std::vector<std::filesystem::path> golden_plan_cases() {
  std::vector<std::filesystem::path> out;
  for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(SCHEMAC_SOURCE_DIR) / "tests" /
                                                     "golden" / "plan"))
    // A case with a case.json runs its own command (tests/golden/README.md), offline.
    if (e.is_directory() && !std::filesystem::exists(e.path() / "case.json")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

inline Schema load_schema(const std::filesystem::path& p) {
  Loaded l = load_dsl(p);
  std::string diags;
  for (auto& d : l.diags) diags += "\n  " + d.message;
  REQUIRE_MESSAGE(l.ok(), p.string() << " does not load:" << diags);
  return std::move(l.schema);
}

inline bool uses_timescale(const Schema& s) {
  if (std::any_of(s.extensions.begin(), s.extensions.end(), [](auto& e) { return e.name == "timescaledb"; }))
    return true;
  return std::any_of(s.tables.begin(), s.tables.end(), [](auto& t) { return t.hypertable.has_value(); });
}

inline bool has_policies(const Schema& s) {
  return std::any_of(s.tables.begin(), s.tables.end(), [](auto& t) {
    return t.hypertable && (t.hypertable->retention || t.hypertable->compression);
  });
}

inline void strip_policies(Schema& s) {
  for (auto& t : s.tables)
    if (t.hypertable) {
      t.hypertable->retention.reset();
      t.hypertable->compression.reset();
    }
}

inline void ensure_extension(Schema& s, const std::string& name) {
  if (std::none_of(s.extensions.begin(), s.extensions.end(), [&](auto& e) { return e.name == name; })) {
    Extension e;
    e.name = name;
    s.extensions.push_back(e);
  }
}

}  // namespace schemac::test

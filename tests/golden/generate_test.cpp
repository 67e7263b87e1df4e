// Golden cases of `schemac generate` (tests/golden/generate/<case>/case.json, format in tests/golden/README.md):
// the headers written for each example schema and the top-level one, --check on stale output, refused types
// and hostile names. "${src}" in a case's arguments is the source tree, so the example schemas are read where
// they live instead of being copied.
#include <doctest/doctest.h>

#include "golden_case.hpp"
#include "testdb.hpp"

TEST_CASE("golden: generate") {
  auto cases = schemac::test::golden_cases("generate", true);
  CHECK(cases.size() >= 6);
  for (auto& dir : cases)
    SUBCASE(dir.filename().string().c_str()) { schemac::test::run_golden_case(dir, {{"src", SCHEMAC_SOURCE_DIR}}); }
}

// generated/ is the committed output for the top-level schema.dsl, so reviewers see generated code change in a
// diff; it must be what generate writes today.
TEST_CASE("generated/ is up to date with schema.dsl") {
  auto r = schemac::test::run_schemac({"generate", "schema.dsl", "--out", "generated", "--check"}, SCHEMAC_SOURCE_DIR);
  INFO("run `schemac generate schema.dsl --out generated` in the source tree\n" << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "generated: up to date (12 files)\n");
}

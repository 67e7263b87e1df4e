// libFuzzer target for the DSL front end: parse + check + fmt on arbitrary bytes.
// Properties, each an abort the fuzzer reports with its input:
//   no crash (ASan/UBSan), every error located (file:line:col), fmt idempotent, fmt keeps the meaning
//   (the plan from the input's model to fmt's model is empty).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "plan/diff.hpp"
#include "dsl/load.hpp"
#include "dsl/print.hpp"

namespace {

void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_dsl: %s\n%s\n", what, detail.c_str());
  std::abort();
}

void require_located(const schemac::Diagnostics& ds) {
  for (auto& d : ds)
    if (d.severity == schemac::Diagnostic::Severity::error && !d.loc.known()) fail("an error without a place", d.message);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  schemac::Loaded in = schemac::load_dsl_text("fuzz.dsl", text, /*syntax_only=*/true);
  require_located(in.diags);
  if (!in.ok()) return 0;
  std::string once = schemac::print_dsl(in.schema);
  schemac::Loaded again = schemac::load_dsl_text("fmt.dsl", once, /*syntax_only=*/true);
  if (!again.ok()) fail("fmt's output does not parse", once);
  std::string twice = schemac::print_dsl(again.schema);
  if (twice != once) fail("fmt is not idempotent", once + "\n--- second pass ---\n" + twice);

  schemac::Loaded checked = schemac::load_dsl_text("fuzz.dsl", text);
  require_located(checked.diags);
  if (!checked.ok()) return 0;
  schemac::Loaded fmt_checked = schemac::load_dsl_text("fmt.dsl", once);
  if (!fmt_checked.ok()) fail("fmt's output fails check where the input passed", once);
  schemac::DiffOptions all;
  all.allow_destructive = true;
  schemac::Plan p = schemac::diff(checked.schema, fmt_checked.schema, all);
  if (!p.empty()) fail("fmt changed the meaning (the plan input -> fmt is not empty)", p.changes[0].description + "\n" + once);
  return 0;
}

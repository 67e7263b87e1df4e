#include <doctest/doctest.h>

#include "diagnostic.hpp"

using namespace schemac;

TEST_CASE("a located diagnostic shows file:line:col, the source line, a caret and the hint") {
  Diagnostic d{Diagnostic::Severity::error, Loc{"schema.dsl", 2, 9}, "unknown column \"symbl_id\" in index",
               "did you mean \"symbol_id\"?"};
  std::string src = "table t {\n  index (symbl_id)\n}\n";
  CHECK(render_diagnostic(d, src) ==
        "schema.dsl:2:9: error: unknown column \"symbl_id\" in index\n"
        "    index (symbl_id)\n"
        "          ^\n"
        "  hint: did you mean \"symbol_id\"?\n");
}

TEST_CASE("a diagnostic without a place prints one line") {
  Diagnostic d{Diagnostic::Severity::warning, Loc{"migrations/schemac.sum", 0, 0}, "edited", ""};
  CHECK(render_diagnostic(d, "") == "migrations/schemac.sum: warning: edited\n");
}

TEST_CASE("diagnostics sort by place and errors are detected") {
  Diagnostics ds{{Diagnostic::Severity::warning, Loc{"a", 3, 1}, "w", ""},
                 {Diagnostic::Severity::error, Loc{"a", 1, 5}, "e", ""}};
  CHECK_FALSE(has_errors({ds[0]}));
  CHECK(has_errors(ds));
  sort_diagnostics(ds);
  CHECK(ds[0].message == "e");
}

#include <doctest/doctest.h>

#include "model/diagnostic.hpp"

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

// The caret line of d rendered against one source line.
std::string caret(uint32_t col, const std::string& line) {
  Diagnostic d{Diagnostic::Severity::error, Loc{"s.dsl", 1, col}, "m", ""};
  std::string out = render_diagnostic(d, line + "\n");
  size_t last = out.rfind('\n', out.size() - 2);
  return out.substr(last + 1);
}

TEST_CASE("the caret stands under the character Loc::col counts, whatever its bytes and width") {
  // Columns count code points; the caret line pads by display width: 1 for é, 2 for 日, 本 and 😀, 0 for a
  // combining accent.
  CHECK(caret(7, "table \"é\" {") == "        ^\n");                // the opening quote
  CHECK(caret(9, "table \"é\" {") == "          ^\n");              // the closing one, after é
  CHECK(caret(10, "table \"日本\" { x int }") == "             ^\n");  // the closing quote: 7 narrow, 2 wide before
  CHECK(caret(5, "a \"😀\" int") == "       ^\n");                  // the quote after the emoji
  CHECK(caret(4, "e\u0301 x") == "    ^\n");                        // x; e + combining acute is one column
  CHECK(caret(1, "日本") == "  ^\n");
}

TEST_CASE("tabs in the source line are kept in the caret line so the caret does not shift") {
  CHECK(caret(3, "\t\tx int") == "  \t\t^\n");
  CHECK(caret(4, "\té\tx") == "  \t \t^\n");
}

TEST_CASE("bytes that are not UTF-8 and control characters are shown as U+FFFD, one character each") {
  Diagnostic d{Diagnostic::Severity::error, Loc{"s.dsl", 1, 4}, "invalid UTF-8", ""};
  CHECK(render_diagnostic(d, "a\xff\x1b[2Jb\r\n") ==
        "s.dsl:1:4: error: invalid UTF-8\n"
        "  a\uFFFD\uFFFD[2Jb\n"
        "     ^\n");
}

TEST_CASE("render_diagnostics shows each diagnostic against its own file's text, as render_diagnostic does") {
  std::map<std::string, std::string> sources{{"a.dsl", "one\ntwo\nthree"}, {"b.dsl", "\n\nb3\n"}};
  Diagnostics ds{{Diagnostic::Severity::error, Loc{"a.dsl", 3, 2}, "in a", ""},
                 {Diagnostic::Severity::warning, Loc{"b.dsl", 3, 1}, "in b", "fix b"},
                 {Diagnostic::Severity::error, Loc{"a.dsl", 1, 4}, "again a", ""},
                 {Diagnostic::Severity::error, Loc{"c.dsl", 1, 1}, "no text", ""},
                 {Diagnostic::Severity::error, Loc{"a.dsl", 9, 1}, "past the end", ""}};
  CHECK(render_diagnostics(ds, sources) ==
        "a.dsl:3:2: error: in a\n  three\n   ^\n"
        "b.dsl:3:1: warning: in b\n  b3\n  ^\n  hint: fix b\n"
        "a.dsl:1:4: error: again a\n  one\n     ^\n"
        "c.dsl:1:1: error: no text\n"
        "a.dsl:9:1: error: past the end\n  \n  ^\n");
}

// script: the section layout written for every UP/DOWN script, and the reader that splits one back, refusing
// malformed files with located errors.
#include "sql/script.hpp"

#include <doctest/doctest.h>

using namespace schemac;

namespace {

// The statement as split_script returns it: without its final `;`.
std::string bare(std::string s) {
  if (s.ends_with(';')) s.pop_back();
  return s;
}

std::vector<Section> split_ok(const std::string& text) {
  Diagnostics d;
  auto out = split_script("up.sql", text, d);
  std::string msgs;
  for (auto& x : d) msgs += x.message + "\n";
  CHECK_MESSAGE(d.empty(), msgs << "in:\n" << text);
  return out;
}

// The errors split_script reports for `text`, one "line:col: message" line each.
std::string split_error(const std::string& text) {
  Diagnostics d;
  split_script("up.sql", text, d);
  REQUIRE_MESSAGE(!d.empty(), "no error for:\n" << text);
  std::string out;
  for (auto& x : d) {
    CHECK(x.loc.file == "up.sql");
    CHECK(!x.hint.empty());
    out += (out.empty() ? "" : "\n") + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col) + ": " + x.message;
  }
  return out;
}

const std::string kAddColumn = "ALTER TABLE public.t ADD COLUMN x int;";
const std::string kIndex = "CREATE INDEX CONCURRENTLY t_x_idx ON public.t (x);";

}  // namespace

TEST_CASE("script: transactional steps share one section; each no-transaction statement has its own") {
  std::vector<ScriptStep> steps = {
      {{"add column public.t.x (int)"}, {kAddColumn}, true},
      {{"make public.t.x NOT NULL"}, {"ALTER TABLE public.t ALTER COLUMN x SET NOT NULL;"}, true},
      {{"create index t_x_idx"}, {kIndex, "ANALYZE public.t;"}, false},
      {{"nothing to do"}, {}, true},
      {{"comment on public.t"}, {"COMMENT ON TABLE public.t IS 'x';"}, true},
  };
  std::string text = render_script(steps);
  std::string body = text.substr(text.find("\n\n") + 2);  // after the note on how to apply it
  CHECK(text.starts_with("-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>."));
  CHECK(body ==
        "-- schemac:section 1 transactional\n"
        "BEGIN;\n"
        "\n"
        "-- add column public.t.x (int)\n"
        "ALTER TABLE public.t ADD COLUMN x int;\n"
        "\n"
        "-- make public.t.x NOT NULL\n"
        "ALTER TABLE public.t ALTER COLUMN x SET NOT NULL;\n"
        "\n"
        "COMMIT;\n"
        "\n"
        "-- schemac:section 2 no-transaction\n"
        "-- create index t_x_idx (statement 1 of 2)\n"
        "CREATE INDEX CONCURRENTLY t_x_idx ON public.t (x);\n"
        "\n"
        "-- schemac:section 3 no-transaction\n"
        "-- create index t_x_idx (statement 2 of 2)\n"
        "ANALYZE public.t;\n"
        "\n"
        "-- schemac:section 4 transactional\n"
        "BEGIN;\n"
        "\n"
        "-- comment on public.t\n"
        "COMMENT ON TABLE public.t IS 'x';\n"
        "\n"
        "COMMIT;\n");
  CHECK(render_script({}).empty());
  CHECK(render_script({{{"nothing"}, {}, false}}).empty());
}

TEST_CASE("script: split_script reads back what render_script writes") {
  std::vector<ScriptStep> steps = {
      {{"a"}, {kAddColumn, "DO $schemac$\nBEGIN\n  RAISE NOTICE 'a;b';\nEND\n$schemac$;"}, true},
      {{"b"}, {kIndex}, false},
      {{"c"}, {"ALTER TYPE public.e ADD VALUE 'z';"}, false},
      {{"d", "the data of public.t.y is gone"}, {"ALTER TABLE public.t ADD COLUMN y text;"}, true},
  };
  auto sections = split_ok(render_script(steps));
  REQUIRE(sections.size() == 4);
  CHECK(sections[0].number == 1);
  CHECK(sections[0].transactional);
  CHECK(sections[0].statements == std::vector<std::string>{bare(kAddColumn), bare(steps[0].statements[1])});
  CHECK(sections[0].loc.line == 6);  // after the four lines of the note and a blank line
  CHECK(sections[0].loc.col == 1);
  CHECK_FALSE(sections[1].transactional);
  CHECK(sections[1].statements == std::vector<std::string>{bare(kIndex)});
  CHECK(sections[2].statements == std::vector<std::string>{"ALTER TYPE public.e ADD VALUE 'z'"});
  CHECK(sections[3].number == 4);
  CHECK(sections[3].transactional);
  CHECK(sections[3].statements == std::vector<std::string>{"ALTER TABLE public.t ADD COLUMN y text"});
  CHECK(split_ok("").empty());
  CHECK(split_ok("-- only a comment\n").empty());
}

TEST_CASE("script: markers, BEGIN and ; inside strings, bodies and block comments are not boundaries") {
  std::string text =
      "-- schemac:section 1 transactional\n"
      "BEGIN;\n"
      "COMMENT ON TABLE public.t IS E'x;\\n-- schemac:section 2 no-transaction\\nBEGIN;';\n"
      "DO $b$\n-- schemac:section 7 transactional\nBEGIN\n  PERFORM 1;\nEND\n$b$;\n"
      "/* -- schemac:section 9 transactional\n /* nested */ COMMIT; */\n"
      "SELECT 'COMMIT;' AS \"-- schemac:section 3 x\";\n"
      "COMMIT;\n";
  auto sections = split_ok(text);
  REQUIRE(sections.size() == 1);
  REQUIRE(sections[0].statements.size() == 3);
  CHECK(sections[0].statements[0].starts_with("COMMENT ON TABLE public.t IS E'x;"));
  CHECK(sections[0].statements[1].starts_with("DO $b$"));
  CHECK(sections[0].statements[2] == "SELECT 'COMMIT;' AS \"-- schemac:section 3 x\"");
  CHECK(sections[0].statement_locs[2].line == 12);
}

TEST_CASE("script: a malformed file is refused with a located error saying what to do") {
  const std::string m1 = "-- schemac:section 1 transactional\n";
  CHECK(split_error("SELECT 1;\n") == "1:1: a statement before the first section marker");
  CHECK(split_error(m1 + "BEGIN;\nSELECT 1;\n") ==
        "4:1: the end of the file comes before section 1 ends with COMMIT");
  CHECK(split_error(m1 + "BEGIN;\nSELECT 1;\n-- schemac:section 2 no-transaction\n" + kIndex + "\n") ==
        "4:1: section 2 comes before section 1 ends with COMMIT");
  CHECK(split_error(m1 + "SELECT 1;\nCOMMIT;\n") == "2:1: transactional section 1 does not start with BEGIN");
  CHECK(split_error(m1 + "-- schemac:section 2 no-transaction\n" + kIndex + "\n") ==
        "2:1: transactional section 1 has no BEGIN and COMMIT");
  CHECK(split_error(m1 + "BEGIN;\n  BEGIN;\nCOMMIT;\n") ==
        "3:3: BEGIN inside section 1, which is already one transaction");
  CHECK(split_error(m1 + "BEGIN;\nSAVEPOINT a;\nCOMMIT;\n") ==
        "3:1: SAVEPOINT inside section 1, which is already one transaction");
  CHECK(split_error(m1 + "BEGIN;\nCOMMIT;\nSELECT 1;\n") == "4:1: a statement after the COMMIT of section 1");
  CHECK(split_error("-- schemac:section 2 transactional\nBEGIN;\nCOMMIT;\n") ==
        "1:1: section 2 where section 1 comes next");
  CHECK(split_error("-- schemac:section 1 no-transaction\n" + kIndex + "\nSELECT 1;\n") ==
        "3:1: no-transaction section 1 holds more than one statement");
  CHECK(split_error("-- schemac:section 1 no-transaction\n-- schemac:section 2 transactional\nBEGIN;\nCOMMIT;\n") ==
        "1:1: no-transaction section 1 has no statement");
  CHECK(split_error("-- schemac:section 1 no-transaction\nBEGIN;\n") ==
        "2:1: BEGIN inside section 1, which runs outside a transaction block");
  CHECK(split_error("-- schemac:no-transaction\n" + kIndex + "\n") ==
        "1:1: unknown schemac marker\n2:1: a statement before the first section marker");
  CHECK(split_error("-- schemac:section one transactional\n") == "1:1: unknown schemac marker");
  CHECK(split_error(m1 + "BEGIN;\nSELEC 1;\nCOMMIT;\n") == "3:1: not valid SQL: syntax error at or near \"SELEC\"");
  // Columns count characters, not bytes.
  CHECK(split_error(m1 + "BEGIN;\nSELECT 'é'; BEGIN;\nCOMMIT;\n") ==
        "3:13: BEGIN inside section 1, which is already one transaction");
}

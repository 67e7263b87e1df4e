// report: the header and the sql, markdown and json forms of a plan keep their structure whatever the names and
// text in it (hostile names from the DSL or a live catalog).
#include "plan/report.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "plan_builders.hpp"
#include "model/quote.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

// Names and text that try to leave a comment line, a Markdown cell or a code block (each short enough to be a
// PostgreSQL name).
const std::vector<std::string> kHostile = {
    "evil\nDROP TABLE victim; --",
    "evil\rDROP TABLE victim; --",
    "x */ DROP TABLE victim; /* y",
    "a\u2028DROP TABLE victim; --",
    "q\"'\\\\; DROP TABLE victim; --",
    "```\n</details>\n| x | y |",
    "c | `code` | <b>&amp;</b> **x** [l](u) #",
    "bad\xff\xfe utf8\n\\! rm -rf /tmp/x",
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(text.substr(start, nl - start));
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// How many times `c` occurs in `line` without a backslash escaping it.
size_t unescaped(const std::string& line, char c) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    size_t backslashes = 0;
    for (size_t j = i; j > 0 && line[j - 1] == '\\'; --j) ++backslashes;
    n += line[i] == c && backslashes % 2 == 0;
  }
  return n;
}

// A plan whose table, column, index, default and note carry `evil`.
Plan hostile_plan(const std::string& evil) {
  Table t = table("public", evil, {col("id", ty("int")), with_default(col(evil, ty("text"), true), quote_literal(evil))},
                  {pk(evil + "_pkey", {"id"})});
  Index ix = idx(evil, {key(evil)});
  ix.keys[0].opclass = evil;
  t.indexes.push_back(ix);
  Enum e = enum_of("public", evil, {evil, "b"});
  Plan p = diff(Schema{}, schema_of({t}, {e}), allow());
  p.changes.front().note = evil;
  p.diagnostics.push_back({Diagnostic::Severity::warning, {}, "about " + evil, evil});
  return p;
}

// Every line of `sql` outside the statements is a `--` comment line: the statements of the plan, and only
// they, are the rest (so nothing from a name or note became SQL of its own).
void check_sql_lines(const std::string& sql, const std::vector<std::string>& statements) {
  std::string rest;
  for (auto& line : lines_of(sql))  // BEGIN and COMMIT are the sections' own (script.hpp)
    if (!line.starts_with("--") && line != "BEGIN;" && line != "COMMIT;") rest += line + "\n";
  for (auto& s : statements) {
    size_t at = rest.find(s + "\n");
    REQUIRE_MESSAGE(at != std::string::npos, "statement missing: " << s);
    rest.erase(at, s.size() + 1);
  }
  rest.erase(std::remove(rest.begin(), rest.end(), '\n'), rest.end());
  CHECK_MESSAGE(rest.empty(), "text outside comments that is not a statement: " << rest);
  for (auto& line : lines_of(sql))  // psql ends a comment at \r too; nothing closes or opens a block comment
    if (line.starts_with("--")) {
      CHECK_MESSAGE(line.find('\r') == std::string::npos, line);
      CHECK_MESSAGE(line.find("*/") == std::string::npos, line);
    }
}

std::vector<std::string> statements(const Plan& p, bool up) {
  std::vector<std::string> out;
  for (auto& c : p.changes)
    for (auto& s : up ? c.up : c.down) out.push_back(s);
  return out;
}

}  // namespace

TEST_CASE("report: a hostile name, default or note never leaves its comment line in the sql forms") {
  for (auto& evil : kHostile) {
    INFO("text: " << evil);
    Plan p = hostile_plan(evil);
    REQUIRE(p.changes.size() >= 2);
    check_sql_lines(plan_sql(p, "migration 0001_x (up)"), statements(p, true));
    check_sql_lines(plan_header(p, evil) + "\n" + plan_down_sql(p), statements(p, false));
    // The header says what changes in one line per change (and one per note), after its title line.
    size_t notes = std::count_if(p.changes.begin(), p.changes.end(), [](auto& c) { return !c.note.empty(); });
    CHECK(lines_of(plan_header(p, evil)).size() == 1 + p.changes.size() + notes);
  }
}

TEST_CASE("report: the header shows a hostile name escaped, readable and in one line") {
  Plan p;
  p.changes.push_back(Change{});
  p.changes[0].description = "create table public.\"a\nb\"";
  p.changes[0].note = "x\ty";
  CHECK(plan_header(p, "schemac plan") ==
        "-- schemac plan: 1 change\n"
        "--   create table public.\"a\\nb\"\n"
        "--     note: x\\ty\n");
  CHECK(plan_up_sql(p).empty());  // no statements, no script
}

TEST_CASE("report: markdown keeps one table row per change and code blocks that names cannot close") {
  for (auto& evil : kHostile) {
    INFO("text: " << evil);
    Plan p = hostile_plan(evil);
    std::string md = plan_markdown(p, "schemac plan");
    auto lines = lines_of(md);
    // The table: the header, then one row per change up to the blank line, each with exactly the 5 unescaped |
    // of its 4 cells; every line between the title and the table belongs to a quote.
    auto table = std::find(lines.begin(), lines.end(), "| # | change | lock | notes |");
    REQUIRE(table != lines.end());
    for (auto it = lines.begin() + 2; it != table; ++it) CHECK_MESSAGE(it->starts_with(">"), *it);
    auto rows = table + 2, end = std::find(rows, lines.end(), "");
    CHECK(size_t(end - rows) == p.changes.size());
    for (auto it = rows; it != end; ++it) {
      CHECK_MESSAGE(it->starts_with("| "), *it);
      CHECK_MESSAGE(unescaped(*it, '|') == 5, *it);
      CHECK_MESSAGE(unescaped(*it, '`') == 0, *it);
      CHECK_MESSAGE(unescaped(*it, '<') == 0, *it);
    }
    // Code blocks: the body between a fence and the same fence is exactly the UP (then the DOWN) script.
    std::vector<std::string> bodies;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!lines[i].ends_with("sql") || !lines[i].starts_with("```")) continue;
      std::string fence = lines[i].substr(0, lines[i].size() - 3), body;
      size_t j = i + 1;
      for (; j < lines.size() && lines[j] != fence; ++j) body += lines[j] + "\n";
      REQUIRE(j < lines.size());
      bodies.push_back(body);
      i = j;
    }
    REQUIRE(bodies.size() == 2);
    CHECK(bodies[0] == plan_up_sql(p));
    CHECK(bodies[1] == plan_down_sql(p));
  }
}

TEST_CASE("report: markdown escapes what has a meaning in a line and leaves names with inner _ readable") {
  Plan p;
  p.changes.push_back(Change{});
  p.changes[0].description = "create index trades_ts_idx on public.\"_a|b`<i>*\"";
  p.changes[0].destructive = true;
  std::string md = plan_markdown(p, "schemac plan");
  CHECK(md.find("| 1 | **create index trades_ts_idx on public.\"\\_a\\|b\\`\\<i\\>\\*\"** | none | DESTRUCTIVE |\n") !=
        std::string::npos);
}

TEST_CASE("report: json is valid, its up/down are the scripts, and invalid UTF-8 is replaced, not fatal") {
  for (auto& evil : kHostile) {
    INFO("text: " << evil);
    Plan p = hostile_plan(evil);
    nlohmann::json j = nlohmann::json::parse(plan_json(p));  // throws on invalid JSON
    bool utf8 = evil.find('\xff') == std::string::npos;
    if (utf8) {
      CHECK(j["up"] == plan_up_sql(p));
      CHECK(j["down"] == plan_down_sql(p));
      CHECK(j["changes"][0]["note"] == evil);
      CHECK(j["diagnostics"].back()["hint"] == evil);
    } else {
      CHECK(j["changes"][0]["note"].get<std::string>().find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD
    }
    CHECK(j["changes"].size() == p.changes.size());
  }
}

TEST_CASE("report: json keeps the contract's keys in order") {
  Plan p = hostile_plan("t");
  std::string text = plan_json(p);
  size_t up = text.find("\"up\""), down = text.find("\"down\""), refused = text.find("\"refused\""),
         changes = text.find("\"changes\""), diags = text.find("\"diagnostics\"");
  CHECK(up < down);
  CHECK(down < refused);
  CHECK(refused < changes);
  CHECK(changes < diags);
  CHECK(text.back() == '\n');
}

TEST_CASE("report: a refused plan shows its reasons and none of its SQL in any form") {
  Plan p = hostile_plan("t");
  REQUIRE(!p.changes.empty());
  CHECK_FALSE(refused(p));
  CHECK(plan_sql(p, "schemac plan").find("CREATE TABLE") != std::string::npos);
  p.diagnostics.push_back({Diagnostic::Severity::error, {}, "the plan has 1 destructive change", "re-run"});
  CHECK(refused(p));
  CHECK(plan_sql(p, "schemac plan").empty());
  nlohmann::json j = nlohmann::json::parse(plan_json(p));
  CHECK(j["refused"] == true);
  CHECK(j["up"] == "");
  CHECK(j["down"] == "");
  CHECK(j["changes"].empty());
  CHECK(j["diagnostics"].back()["message"] == "the plan has 1 destructive change");
  std::string md = plan_markdown(p, "schemac plan");
  CHECK(md.starts_with("### schemac plan: refused\n"));
  CHECK(md.find("the plan has 1 destructive change") != std::string::npos);
  CHECK(md.find("```") == std::string::npos);
  CHECK(md.find("CREATE") == std::string::npos);
}

#include "plan/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/json.hpp"
#include "model/quote.hpp"

namespace schemac {

namespace {

std::string summary(const Plan& p) {
  if (p.empty()) return "no changes";
  size_t destructive = 0, irreversible = 0;
  for (auto& c : p.changes) {
    destructive += c.destructive;
    irreversible += c.irreversible_data;
  }
  return fmt::format("{} change{}{}{}", p.changes.size(), p.changes.size() == 1 ? "" : "s",
                     destructive ? fmt::format(", {} destructive", destructive) : "",
                     irreversible ? fmt::format(", {} whose data DOWN cannot restore", irreversible) : "");
}

// What a reviewer should know about a change beyond its description.
std::string flags(const Change& c, bool with_lock = true) {
  std::vector<std::string> f;
  if (c.destructive) f.push_back("DESTRUCTIVE");
  if (c.irreversible_data) f.push_back("data not restored by DOWN");
  if (c.rewrites) f.push_back("rewrites table");
  if (with_lock && c.lock == Lock::access_exclusive) f.push_back("ACCESS EXCLUSIVE lock");
  if (!c.transactional) f.push_back("outside a transaction");
  if (c.own_transaction) f.push_back("in a transaction of its own");
  return fmt::format("{}", fmt::join(f, ", "));
}

std::string severity_name(const Diagnostic& d) {
  return d.severity == Diagnostic::Severity::error ? "error" : "warning";
}

Json target_json(const Target& t) {
  Json j = {{"kind", target_kind_name(t.kind)}};
  if (!t.schema.empty()) j["schema"] = t.schema;
  if (!t.table.empty()) j["table"] = t.table;
  j["name"] = t.name;
  return j;
}

Json fact_json(const Fact& f) {
  return std::visit(
      [](auto& v) -> Json {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::monostate>) return nullptr;
        else if constexpr (std::is_same_v<V, std::string>) return v;
        else return json_of(v);
      },
      f);
}

Json diagnostic_json(const Diagnostic& d) {
  return {{"severity", severity_name(d)}, {"message", d.message}, {"hint", d.hint}};
}

// One line of Markdown inline text, for a table cell or a quote line: comment_text makes it one line, then
// every character with a meaning inside a Markdown line is escaped: | ends a cell, ` opens a code span, < and &
// start HTML and entities, * _ ~ emphasis, [ ] links, # headings, \ an escape. An _ between two letters or
// digits cannot start emphasis and stays bare, so names like trades_ts_idx read as they are.
std::string md_text(std::string_view text) {
  std::string s = comment_text(text), out;
  auto alnum = [&](size_t i) { return i < s.size() && std::isalnum(static_cast<unsigned char>(s[i])); };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool inner_underscore = c == '_' && i > 0 && alnum(i - 1) && alnum(i + 1);
    if (std::string_view("|`<>&*_~[]#\\").find(c) != std::string_view::npos && !inner_underscore) out += '\\';
    out += c;
  }
  return out;
}

// A fenced code block its body cannot close: the fence is longer than any run of backticks in the body.
std::string md_code_block(std::string body) {
  size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  if (!body.empty() && body.back() != '\n') body += '\n';
  return fence + "sql\n" + body + fence + "\n";
}

// A diagnostic as a Markdown quote: every line of its message (the destructive refusal lists changes on their
// own lines) stays inside the quote.
std::string md_diagnostic(const Diagnostic& d) {
  std::string_view text = d.message;
  std::string out = d.severity == Diagnostic::Severity::error ? "> **Error:** " : "> **Warning:** ";
  for (size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1))
    out += md_text(text.substr(0, nl)) + "\n> ";
  out += md_text(text);
  if (!d.hint.empty()) out += " — " + md_text(d.hint);
  return out + "\n>\n";
}

}  // namespace

// JSON carries the text as it is (names included): its string escapes are complete, unlike a comment line's.
Json change_json(const Change& c) {
  return {{"kind", kind_name(c.kind)},
          {"object", c.object()},
          {"target", target_json(c.target)},
          {"from", fact_json(c.from)},
          {"to", fact_json(c.to)},
          {"description", c.description},
          {"destructive", c.destructive},
          {"irreversible_data", c.irreversible_data},
          {"transactional", c.transactional},
          {"own_transaction", c.own_transaction},
          {"lock", lock_name(c.lock)},
          {"rewrites", c.rewrites},
          {"note", c.note},
          {"down_note", c.down_note},
          {"up", c.up},
          {"down", c.down}};
}

std::string plan_header(const Plan& plan, const std::string& title) {
  std::string out = "-- " + comment_text(title + ": " + summary(plan)) + "\n";
  for (auto& c : plan.changes) {
    std::string f = flags(c);
    out += "--   " + comment_text(c.description) + (f.empty() ? "" : "  [" + f + "]") + "\n";
    if (!c.note.empty()) out += "--     note: " + comment_text(c.note) + "\n";
    if (!c.down_note.empty()) out += "--     DOWN: " + comment_text(c.down_note) + "\n";
  }
  return out;
}

bool refused(const Plan& plan) { return has_errors(plan.diagnostics); }

std::string plan_sql(const Plan& plan, const std::string& title) {
  if (refused(plan)) return "";
  std::string body = plan_up_sql(plan);
  return plan_header(plan, title) + (body.empty() ? "" : "\n" + body);
}

std::string plan_json(const Plan& plan) {
  Json changes = Json::array(), diagnostics = Json::array();
  bool is_refused = refused(plan);
  if (!is_refused)
    for (auto& c : plan.changes) changes.push_back(change_json(c));
  for (auto& d : plan.diagnostics) diagnostics.push_back(diagnostic_json(d));
  Json out = {{"up", is_refused ? "" : plan_up_sql(plan)},
              {"down", is_refused ? "" : plan_down_sql(plan)},
              {"refused", is_refused},
              {"changes", std::move(changes)},
              {"diagnostics", std::move(diagnostics)}};
  return dump_json(out);
}

std::string plan_markdown(const Plan& plan, const std::string& title) {
  std::string out = "### " + md_text(title + ": " + (refused(plan) ? "refused" : summary(plan))) + "\n\n";
  if (plan.empty() && !refused(plan)) return out;
  for (auto& d : plan.diagnostics) out += md_diagnostic(d);
  if (refused(plan)) return out;
  out += "| # | change | lock | notes |\n|---|---|---|---|\n";
  int i = 0;
  for (auto& c : plan.changes) {
    std::string notes = flags(c, /*with_lock=*/false);  // the lock has its own column
    if (!c.note.empty()) notes += (notes.empty() ? "" : "; ") + c.note;
    if (!c.down_note.empty()) notes += (notes.empty() ? "" : "; ") + ("DOWN: " + c.down_note);
    const char* bold = c.destructive ? "**" : "";
    out += fmt::format("| {} | {}{}{} | {} | {} |\n", ++i, bold, md_text(c.description), bold, lock_name(c.lock),
                       md_text(notes));
  }
  out += "\n<details><summary>UP</summary>\n\n" + md_code_block(plan_up_sql(plan)) + "</details>\n";
  out += "\n<details><summary>DOWN</summary>\n\n" + md_code_block(plan_down_sql(plan)) + "</details>\n";
  return out;
}

}  // namespace schemac

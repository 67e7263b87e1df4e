#include "report.hpp"

#include <fmt/format.h>

namespace schemac {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

namespace {

size_t count_destructive(const Plan& p) {
  size_t n = 0;
  for (auto& c : p.changes) n += c.destructive;
  return n;
}

std::string summary(const Plan& p) {
  if (p.empty()) return "no changes";
  size_t d = count_destructive(p);
  return fmt::format("{} change{}{}", p.changes.size(), p.changes.size() == 1 ? "" : "s",
                     d ? fmt::format(", {} destructive", d) : "");
}

// What a reviewer should know about a change beyond its description.
std::string flags(const Change& c, bool with_lock = true) {
  std::vector<std::string> f;
  if (c.destructive) f.push_back("DESTRUCTIVE");
  if (c.rewrites) f.push_back("rewrites table");
  if (with_lock && c.lock == Lock::access_exclusive) f.push_back("ACCESS EXCLUSIVE lock");
  if (!c.transactional) f.push_back("outside a transaction");
  return fmt::format("{}", fmt::join(f, ", "));
}

std::string json_list(const std::vector<std::string>& v) {
  std::vector<std::string> q;
  for (auto& s : v) q.push_back(json_string(s));
  return "[" + fmt::format("{}", fmt::join(q, ", ")) + "]";
}

std::string change_json(const Change& c) {
  return fmt::format(
      "    {{\"kind\": {}, \"object\": {}, \"description\": {}, \"destructive\": {}, \"transactional\": {}, "
      "\"lock\": {}, \"rewrites\": {}, \"note\": {},\n     \"up\": {},\n     \"down\": {}}}",
      json_string(kind_name(c.kind)), json_string(c.object), json_string(c.description), c.destructive,
      c.transactional, json_string(lock_name(c.lock)), c.rewrites, json_string(c.note), json_list(c.up),
      json_list(c.down));
}

std::string diagnostic_json(const Diagnostic& d) {
  return fmt::format("    {{\"severity\": {}, \"message\": {}, \"hint\": {}}}",
                     json_string(d.severity == Diagnostic::Severity::error ? "error" : "warning"),
                     json_string(d.message), json_string(d.hint));
}

}  // namespace

std::string plan_header(const Plan& plan, const std::string& title) {
  std::string out = fmt::format("-- {}: {}\n", title, summary(plan));
  for (auto& c : plan.changes) {
    std::string f = flags(c);
    out += fmt::format("--   {}{}\n", c.description, f.empty() ? "" : "  [" + f + "]");
    if (!c.note.empty()) out += fmt::format("--     note: {}\n", c.note);
  }
  return out;
}

std::string plan_sql(const Plan& plan, const std::string& title) {
  std::string body = plan_up_sql(plan);
  return plan_header(plan, title) + (body.empty() ? "" : "\n" + body);
}

std::string plan_json(const Plan& plan) {
  std::vector<std::string> changes, diags;
  for (auto& c : plan.changes) changes.push_back(change_json(c));
  for (auto& d : plan.diagnostics) diags.push_back(diagnostic_json(d));
  auto block = [](const std::vector<std::string>& v) {
    return v.empty() ? std::string("[]") : "[\n" + fmt::format("{}", fmt::join(v, ",\n")) + "\n  ]";
  };
  return fmt::format("{{\n  \"up\": {},\n  \"down\": {},\n  \"changes\": {},\n  \"diagnostics\": {}\n}}\n",
                     json_string(plan_up_sql(plan)), json_string(plan_down_sql(plan)), block(changes),
                     block(diags));
}

std::string plan_markdown(const Plan& plan, const std::string& title) {
  std::string out = fmt::format("### {}: {}\n\n", title, summary(plan));
  if (plan.empty()) return out;
  for (auto& d : plan.diagnostics)
    out += fmt::format("> **{}:** {}{}\n>\n", d.severity == Diagnostic::Severity::error ? "Error" : "Warning",
                       d.message, d.hint.empty() ? "" : " — " + d.hint);
  out += "| # | change | lock | notes |\n|---|---|---|---|\n";
  int i = 0;
  for (auto& c : plan.changes) {
    std::string notes = flags(c, /*with_lock=*/false);  // the lock has its own column
    if (!c.note.empty()) notes += (notes.empty() ? "" : "; ") + c.note;
    std::string desc = c.description;
    for (size_t p = 0; (p = desc.find('|', p)) != std::string::npos; p += 2) desc.replace(p, 1, "\\|");
    out += fmt::format("| {} | {}{}{} | {} | {} |\n", ++i, c.destructive ? "**" : "", desc,
                       c.destructive ? "**" : "", lock_name(c.lock), notes);
  }
  out += fmt::format("\n<details><summary>UP</summary>\n\n```sql\n{}```\n</details>\n", plan_up_sql(plan));
  out += fmt::format("\n<details><summary>DOWN</summary>\n\n```sql\n{}```\n</details>\n", plan_down_sql(plan));
  return out;
}

}  // namespace schemac

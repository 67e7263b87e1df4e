#include "live_util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "apply_util.hpp"
#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "dsl/print.hpp"

namespace schemac::test {

PlanScripts plan_scripts(const std::string& file, const std::string& url, const std::string& cwd) {
  RunResult plan = run_schemac({"plan", file, "--db", url, "--format", "json"}, cwd);
  if (plan.exit_code != 0) throw std::runtime_error("schemac plan failed: " + describe(plan));
  const nlohmann::json scripts = nlohmann::json::parse(plan.out);
  return {scripts["up"].get<std::string>(), scripts["down"].get<std::string>()};
}

RunResult psql_file(const std::string& url, const std::string& sql) {
  TempDir dir;
  std::string file = dir.write("script.sql", sql);
  return run_program({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file});
}

void exec_sql(PGconn* conn, const std::string& sql) {
  PGresult* r = PQexec(conn, sql.c_str());
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    throw std::runtime_error(fmt::format("statement failed: {}\n  {}", sql, msg));
  }
  PQclear(r);
}

// The one applier of the live tests (apply_util.hpp), on a connection the caller keeps.
void apply_plan(PGconn* conn, const Plan& plan, bool up) {
  run_changes(conn, in_order(plan, up), up);
}

Plan plan_live(PGconn* conn, Schema& declared, bool allow_destructive) {
  Catalog live = inspect(conn);
  NormaliseResult n = normalise_expressions(conn, declared, &live.schema);
  if (!n.failed.empty()) throw std::runtime_error("normalise failed: " + n.failed[0]);
  DiffOptions opts;
  opts.allow_destructive = allow_destructive;
  opts.edition = live.edition;
  return diff(live.schema, declared, opts);
}

std::string canonical_dsl(Schema s, bool sort_columns) {
  auto by_name = [](auto& v) {
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.name < b.name; });
  };
  auto by_qname = [](auto& v) {
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); });
  };
  s.tail_comments.clear();
  for (auto& e : s.extensions) e.trivia = {}, e.loc = {};
  for (auto& n : s.namespaces) n.trivia = {}, n.loc = {}, n.tail_comments.clear();
  for (auto& e : s.enums) e.trivia = {}, e.loc = {}, e.renamed_from.clear();
  for (auto& t : s.tables) {
    t.trivia = {}, t.loc = {}, t.renamed_from.clear(), t.queries.clear(), t.tail_comments.clear();
    for (auto& c : t.columns) c.trivia = {}, c.loc = {}, c.renamed_from.clear();
    for (auto& k : t.constraints) {
      k.trivia = {}, k.loc = {}, k.inline_form = false, k.not_valid = false;
      if (k.kind == Constraint::Kind::check) k.columns.clear();
    }
    for (auto& ix : t.indexes) ix.trivia = {}, ix.loc = {};
    if (t.hypertable) {
      t.hypertable->trivia = {}, t.hypertable->loc = {};
      for (auto& d : t.hypertable->dimensions) d.loc = {};
    }
    by_name(t.constraints);
    by_name(t.indexes);
    if (sort_columns) by_name(t.columns);
  }
  by_name(s.extensions);
  by_name(s.namespaces);
  by_qname(s.enums);
  by_qname(s.tables);
  return print_dsl(s);
}

namespace {

// Line-by-line difference of two texts, as "- line" / "+ line" around the first mismatch.
std::string text_diff(const std::string& a, const std::string& b) {
  auto lines = [](const std::string& t) {
    std::vector<std::string> out;
    size_t p = 0;
    while (p < t.size()) {
      size_t e = t.find('\n', p);
      if (e == std::string::npos) e = t.size();
      out.push_back(t.substr(p, e - p));
      p = e + 1;
    }
    return out;
  };
  auto la = lines(a), lb = lines(b);
  size_t i = 0;
  while (i < la.size() && i < lb.size() && la[i] == lb[i]) ++i;
  std::string out = fmt::format("first difference at line {}:\n", i + 1);
  for (size_t j = i; j < la.size() && j < i + 6; ++j) out += "  - " + la[j] + "\n";
  for (size_t j = i; j < lb.size() && j < i + 6; ++j) out += "  + " + lb[j] + "\n";
  return out;
}

}  // namespace

std::string catalog_mismatch(PGconn* conn, const Schema& declared, bool sort_columns) {
  Schema want = declared;
  Catalog live = inspect(conn);
  NormaliseResult n = normalise_expressions(conn, want, &live.schema);
  std::string out;
  for (auto& f : n.failed) out += "normalise failed: " + f + "\n";
  DiffOptions opts;
  opts.allow_destructive = true;
  Plan p = diff(live.schema, want, opts);
  for (const Change& c : p.changes) out += "  pending: " + c.description + "\n";
  std::string a = canonical_dsl(live.schema, sort_columns), b = canonical_dsl(want, sort_columns);
  if (a != b) out += "canonical DSL of the catalog (-) and of the declaration (+) differ; " + text_diff(a, b);
  return out;
}

}  // namespace schemac::test

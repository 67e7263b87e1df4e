#include "live_util.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "apply_util.hpp"
#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "dsl/load.hpp"
#include "dsl/print.hpp"
#include "fingerprint.hpp"

namespace schemac::test {

PlanScripts plan_scripts(const std::string& file, const std::string& url, const std::string& cwd,
                         bool allow_destructive) {
  std::vector<std::string> args = {"plan", file, "--db", url, "--format", "json"};
  if (allow_destructive) args.push_back("--allow-destructive");
  RunResult plan = run_schemac(args, cwd);
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
  for (auto& q : s.sequences) q.trivia = {}, q.loc = {}, q.renamed_from.clear();
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
  by_qname(s.sequences);
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

UpDown check_up_down(TestDb& db, const TempDir& dir, const std::string& file,
                     const std::function<void(const UpDown&)>& in_up, Apply how) {
  Loaded loaded = load_dsl(dir.path / file);
  std::string diags;
  for (auto& d : loaded.diags) diags += "\n  " + d.message;
  REQUIRE_MESSAGE(loaded.ok(), file << diags);
  UpDown r;
  r.before = catalog_fingerprint(db);
  Plan plan;  // the runner's
  if (how == Apply::psql) {
    r.scripts = plan_scripts(file, db.url(), dir.path.string());
    RunResult up = psql_file(db.url(), r.scripts.up);
    REQUIRE_MESSAGE(up.exit_code == 0, describe(up) << "\n--- UP ---\n" << r.scripts.up);
  } else {
    Connection conn = quiet_connect(db.url());  // closed before anything else connects (tsl takes one at a time)
    Schema declared = loaded.schema;
    plan = plan_live(conn.get(), declared);
    r.scripts = {plan_up_sql(plan), plan_down_sql(plan)};
    refuse_if_errors(plan);
    REQUIRE_NOTHROW_MESSAGE(apply_plan(conn.get(), plan, true), "--- UP ---\n" << r.scripts.up);
  }
  r.after = catalog_fingerprint(db);
  std::string mismatch;
  {
    Connection conn = quiet_connect(db.url());
    mismatch = catalog_mismatch(conn.get(), loaded.schema);
  }
  CHECK_MESSAGE(mismatch.empty(), "after UP, the catalog is not the declaration:\n" << mismatch);
  RunResult again = run_schemac({"plan", file, "--db", db.url(), "--exit-code"}, dir.path.string());
  CHECK_MESSAGE(again.exit_code == 0, "planning again after UP is not empty: " << describe(again));
  if (in_up) in_up(r);
  if (how == Apply::psql) {
    RunResult down = psql_file(db.url(), r.scripts.down);
    REQUIRE_MESSAGE(down.exit_code == 0, describe(down) << "\n--- DOWN ---\n" << r.scripts.down);
  } else {
    Connection conn = quiet_connect(db.url());
    REQUIRE_NOTHROW_MESSAGE(apply_plan(conn.get(), plan, false), "--- DOWN ---\n" << r.scripts.down);
  }
  const std::string restored = catalog_fingerprint(db);
  CHECK_MESSAGE(restored == r.before, "after DOWN, the catalog is not the one before UP:\n--- before ---\n"
                                          << r.before << "\n--- after DOWN ---\n" << restored);
  r.ok = mismatch.empty() && again.exit_code == 0 && restored == r.before;
  return r;
}

}  // namespace schemac::test

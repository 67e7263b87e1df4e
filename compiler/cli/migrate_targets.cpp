#include "cli/migrate_targets.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <atomic>
#include <sstream>
#include <thread>

#include "catalog/connect.hpp"
#include "model/files.hpp"

namespace schemac {

namespace {

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// One line per migration run (or, with --dry-run, that would run), with its duration.
std::string done_text(const runtime::Done& d) {
  const char* verb = d.baseline ? (d.dry_run ? "would baseline" : "baselined")
                     : d.up     ? (d.dry_run ? "would apply" : "applied")
                                : (d.dry_run ? "would revert" : "reverted");
  if (d.dry_run) return fmt::format("{} {}", verb, d.migration->label());
  if (d.baseline) return fmt::format("{} {} (recorded as applied, nothing run)", verb, d.migration->label());
  return fmt::format("{} {} ({} ms)", verb, d.migration->label(), d.duration_ms);
}

// Where the run left the target (its `to`), when the connection still answers; the run's own error says more.
void settle(PGconn* conn, TargetRun& run) {
  if (run.to || PQstatus(conn) != CONNECTION_OK) return;
  try {
    run.to = applied_version(runtime::read_history(conn));
  } catch (const runtime::Error&) {
  }
}

// Connects to one target and runs `one` there; every failure ends up in `run`, none escapes (it runs on a
// thread of its own).
void run_one(const Database& t, TargetRun& run, const TargetFn& one) {
  try {
    Connection conn = connect(t.url);
    run.from = applied_version(runtime::read_history(conn.get()));
    try {
      one(conn.get(), run);
    } catch (...) {
      settle(conn.get(), run);
      throw;
    }
    settle(conn.get(), run);
  } catch (const runtime::Error& e) {
    run.fail(e.what(), e.hint);
  } catch (const DbError& e) {
    // A URL libpq cannot read is not shown (it may hold a password): say where it was given instead.
    run.fail(e.kind == DbError::Kind::bad_url ? fmt::format("{} (from {})", e.what(), t.source) : e.what(), e.hint);
  } catch (const std::exception& e) {
    run.fail(e.what(), "this is a bug in schemac; please report it with the command");
  }
}

std::string version_text(const std::optional<int>& v) { return v ? fmt::format("{:04}", *v) : "-"; }

// target | from | to | result, one row per target, columns as wide as their widest cell.
void print_summary(const std::vector<TargetRun>& runs, Io io) {
  size_t width = std::string_view("target").size();
  for (auto& r : runs) width = std::max(width, r.target.size());
  fmt::print(io.out, "\n{:<{}}  {:<4}  {:<4}  {}\n", "target", width, "from", "to", "result");
  for (auto& r : runs)
    fmt::print(io.out, "{:<{}}  {:<4}  {:<4}  {}{}\n", r.target, width, version_text(r.from), version_text(r.to),
               r.result, r.error.empty() ? "" : ": " + r.error.substr(0, r.error.find('\n')));
}

}  // namespace

std::vector<Database> parse_targets(const std::string& text, const std::string& name) {
  std::vector<Database> out;
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    std::string url = trimmed(line);
    if (url.empty() || url.starts_with('#')) continue;
    out.push_back({url, fmt::format("{}:{}", name, n)});
  }
  return out;
}

std::vector<Database> run_targets(const MigrateRunArgs& a) {
  std::vector<Database> out;
  for (auto& url : a.dbs) out.push_back({url, "--db"});
  if (a.targets) {
    std::vector<Database> listed = parse_targets(read_file(*a.targets), *a.targets);
    if (listed.empty())
      throw FileError(*a.targets, "lists no database",
                      "put one database URL a line (lines starting with # are comments)");
    out.insert(out.end(), listed.begin(), listed.end());
  }
  if (!out.empty()) return out;
  std::optional<ResolvedUrl> url = resolve_url(std::nullopt);
  if (!url)
    throw DbError(DbError::Kind::no_url, "no database given",
                  "pass --db URL (repeatable) or --targets FILE, set DATABASE_URL, or put DATABASE_URL=... in ./.env");
  return {{url->url, url->source}};
}

void Printer::print(std::ostream& to, const std::string& target, const std::string& text) {
  std::lock_guard<std::mutex> hold(mutex_);
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) to << (prefixed_ ? "[" + target + "] " : "") << line << '\n';
  to.flush();
}

void TargetRun::line(const std::string& text) {
  if (!json_) printer_->out(target, text);
}

void TargetRun::done(const runtime::Done& d) {
  line(done_text(d));
  if (!fields.contains("migrations")) fields["migrations"] = Json::array();
  fields["migrations"].push_back({{"version", d.migration->version},
                                  {"name", d.migration->name},
                                  {"action", d.baseline ? "baseline" : d.up ? "up" : "down"},
                                  {"duration_ms", d.duration_ms},
                                  {"dry_run", d.dry_run}});
}

void TargetRun::fail(const std::string& message, const std::string& h) {
  result = "failed";
  error = message;
  hint = h;
  printer_->err(target, "error: " + message + (h.empty() ? "" : "\n  hint: " + h));
}

Json TargetRun::json() const {
  Json j = {{"target", target},
            {"result", result},
            {"from", from ? Json(*from) : Json(nullptr)},
            {"to", to ? Json(*to) : Json(nullptr)}};
  for (auto& [k, v] : fields.items()) j[k] = v;
  if (!error.empty()) j["error"] = {{"message", error}, {"hint", hint}};
  return j;
}

int applied_version(const std::vector<runtime::Applied>& history) {
  int v = 0;
  for (auto& a : history)
    if (a.state == runtime::RowState::applied) v = std::max(v, a.version);
  return v;
}

int run_on_targets(const MigrateRunArgs& a, Io io, const TargetFn& one, bool pending_is_2) {
  std::vector<Database> targets = run_targets(a);
  bool json = a.format == "json";
  Printer printer(io, targets.size() > 1);
  std::vector<TargetRun> runs;
  for (auto& t : targets) runs.emplace_back(redact_url(t.url), printer, json);
  // Each worker takes the next target; with --fail-fast a failure stops the targets not started yet (those
  // running finish: stopping a migration halfway is what the engine guards against, not a way to stop).
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto worker = [&] {
    for (size_t i = next++; i < targets.size(); i = next++) {
      if (stop) {
        runs[i].result = "skipped";
        continue;
      }
      run_one(targets[i], runs[i], one);
      if (runs[i].failed() && a.fail_fast) stop = true;
    }
  };
  std::vector<std::thread> threads;
  for (int j = 1; j < std::min<int>(a.jobs, int(targets.size())); ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  bool failed = false, pending = false;
  for (auto& r : runs) {
    failed |= r.failed() || r.result == "skipped";
    pending |= r.result == "pending" || r.result == "drifted";
  }
  if (json) {
    Json doc = {{"targets", Json::array()}};
    for (auto& r : runs) doc["targets"].push_back(r.json());
    io.out << dump_json(doc);
  } else if (runs.size() > 1) {
    print_summary(runs, io);
  }
  if (failed) return 1;
  return pending_is_2 && pending ? 2 : 0;
}

}  // namespace schemac

#include "schemac/migrations.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>

#include <poll.h>

namespace schemac::runtime {

namespace {

// The run lock's key: one number for every schemac runner on a database ("schemac" in ASCII).
constexpr const char* kLockKey = "126879299938659";
constexpr const char* kLockNotAvailable = "55P03";

struct ResultClose {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClose>;

using Clock = std::chrono::steady_clock;
long long ms_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

std::string server_message(PGconn* conn, const PGresult* res) {
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string m = primary ? primary : PQerrorMessage(conn);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

bool ok(const PGresult* r) {
  auto s = PQresultStatus(r);
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

Result params(PGconn* conn, const char* sql, const std::vector<std::string>& values) {
  std::vector<const char*> v;
  for (auto& s : values) v.push_back(s.c_str());
  return Result(PQexecParams(conn, sql, int(v.size()), nullptr, v.data(), nullptr, nullptr, 0));
}

// Runs bookkeeping SQL of the engine's own; throws Error saying what was being done.
Result must(PGconn* conn, const char* sql, const std::vector<std::string>& values, const std::string& what) {
  Result r = params(conn, sql, values);
  if (!ok(r.get())) throw Error(what + ": " + server_message(conn, r.get()));
  return r;
}

void rollback(PGconn* conn) { Result(PQexec(conn, "ROLLBACK")); }

const char* state_text(RowState s) {
  return s == RowState::applied ? "applied" : s == RowState::applying ? "applying" : "reverting";
}

RowState state_of(const std::string& s) {
  return s == "applying" ? RowState::applying : s == "reverting" ? RowState::reverting : RowState::applied;
}

const Applied* row_of(const std::vector<Applied>& history, int version) {
  for (auto& a : history)
    if (a.version == version) return &a;
  return nullptr;
}

const Migration* migration_of(const std::vector<Migration>& ms, int version) {
  for (auto& m : ms)
    if (m.version == version) return &m;
  return nullptr;
}

int newest_applied(const std::vector<Applied>& history) { return history.empty() ? 0 : history.back().version; }

bool history_exists(PGconn* conn) {
  Result r = must(conn, "SELECT to_regclass('schemac.migrations') IS NOT NULL", {}, "reading the history");
  return std::string(PQgetvalue(r.get(), 0, 0)) == "t";
}

// Under the run lock, so that two first runs do not both create it.
void create_history(PGconn* conn) {
  if (history_exists(conn)) return;
  Result s = must(conn, "SELECT to_regnamespace('schemac') IS NOT NULL", {}, "creating the history");
  must(conn, "BEGIN", {}, "creating the history");
  try {
    if (std::string(PQgetvalue(s.get(), 0, 0)) != "t") must(conn, "CREATE SCHEMA schemac", {}, "creating schema schemac");
    must(conn,
         "CREATE TABLE schemac.migrations ("
         " version integer PRIMARY KEY,"
         " name text NOT NULL,"
         " checksum text NOT NULL,"
         " applied_at timestamptz NOT NULL DEFAULT now(),"
         " duration_ms bigint NOT NULL DEFAULT 0,"
         " applied_by text NOT NULL DEFAULT current_user,"
         " state text NOT NULL CHECK (state IN ('applied', 'applying', 'reverting')),"
         " sections_done integer NOT NULL DEFAULT 0)",
         {}, "creating the history table schemac.migrations");
    must(conn, "COMMIT", {}, "creating the history");
  } catch (...) {
    rollback(conn);
    throw;
  }
}

void set_setting(PGconn* conn, const char* name, const std::string& value) {
  must(conn, "SELECT set_config($1, $2, false)", {name, value}, std::string("setting ") + name + " to " + value);
}

// The session advisory lock of the run; released on every way out (and by the server when the session ends).
class RunLock {
 public:
  RunLock(PGconn* conn, const RunOptions& o) : conn_(conn) {
    set_setting(conn, "statement_timeout", "0");
    set_setting(conn, "lock_timeout", std::to_string(std::max(o.lock_wait_ms, 1)) + "ms");
    Result r = params(conn, "SELECT pg_advisory_lock($1::bigint)", {kLockKey});
    if (!ok(r.get())) {
      const char* code = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
      if (code && std::string(code) == kLockNotAvailable)
        throw Error("another schemac migrate run holds the migration lock on this database (waited " +
                        std::to_string(o.lock_wait_ms) + " ms)",
                    "wait for it to finish, or wait longer with --lock-wait");
      throw Error("taking the migration lock: " + server_message(conn, r.get()));
    }
    set_setting(conn, "lock_timeout", o.lock_timeout);
    set_setting(conn, "statement_timeout", o.statement_timeout);
  }
  ~RunLock() { params(conn_, "SELECT pg_advisory_unlock($1::bigint)", {kLockKey}); }
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  PGconn* conn_;
};

std::string where(const Migration& m, bool up, size_t section, size_t statement, const Section& s) {
  std::string w = m.label() + (up ? " up" : " down") + ", section " + std::to_string(section + 1) + ", statement " +
                  std::to_string(statement + 1);
  if (statement < s.origins.size() && !s.origins[statement].empty()) w = s.origins[statement] + " (" + w + ")";
  return w;
}

// The statement's result, waited for in slices of o.progress_every_ms with a progress report after each: PQexec
// would block without a word for as long as an index build takes. A connection that breaks meanwhile gives the
// error result libpq makes for it.
Result exec_reporting(PGconn* conn, const std::string& sql, const RunOptions& o, const Progress& where) {
  if (!o.on_progress || o.progress_every_ms <= 0) return Result(PQexec(conn, sql.c_str()));
  if (!PQsendQuery(conn, sql.c_str())) return Result(PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR));
  auto start = Clock::now();
  while (PQisBusy(conn)) {
    pollfd p{PQsocket(conn), POLLIN, 0};
    int n = poll(&p, 1, o.progress_every_ms);
    if (n == 0) {
      Progress now = where;
      now.elapsed_ms = ms_since(start);
      o.on_progress(now);
    }
    if ((n < 0 && errno != EINTR) || !PQconsumeInput(conn)) break;
  }
  Result last;  // a single statement: its own result, then the null that ends them
  while (PGresult* r = PQgetResult(conn)) last.reset(r);
  return last ? std::move(last) : Result(PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR));
}

void run_statement(PGconn* conn, const Migration& m, bool up, size_t i, size_t j, const Section& s,
                   const RunOptions& o) {
  Result r = exec_reporting(conn, s.statements[j], o, {&m, up, i, j, where(m, up, i, j, s), 0});
  if (ok(r.get())) return;
  std::string msg = where(m, up, i, j, s) + ": " + server_message(conn, r.get());
  if (s.transactional) rollback(conn);
  throw Error(msg, s.transactional ? "nothing of this section was applied; fix the statement and run again"
                                   : "the sections before it are applied and recorded; fix the statement and run "
                                     "again to resume");
}

// A statement's tokens, as far as concurrent_index needs them: words, "quoted identifiers" and single characters,
// with white space and comments skipped. `quoted` tokens keep their text without quotes ("" as ").
struct Token {
  std::string text, raw;
  bool quoted = false;
};

size_t skip_space_and_comments(const std::string& s, size_t i) {
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
    } else if (s.compare(i, 2, "--") == 0) {
      i = s.find('\n', i);
      if (i == std::string::npos) return s.size();
    } else if (s.compare(i, 2, "/*") == 0) {  // nested, as PostgreSQL reads them
      int depth = 0;
      do {
        if (s.compare(i, 2, "/*") == 0) ++depth, i += 2;
        else if (s.compare(i, 2, "*/") == 0) --depth, i += 2;
        else ++i;
      } while (depth > 0 && i < s.size());
    } else {
      break;
    }
  }
  return i;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80); }

// The first `n` tokens of `s` (fewer at its end or at an unterminated quote).
std::vector<Token> tokens(const std::string& s, size_t n) {
  std::vector<Token> out;
  for (size_t i = skip_space_and_comments(s, 0); i < s.size() && out.size() < n; i = skip_space_and_comments(s, i)) {
    size_t start = i;
    Token t;
    if (s[i] == '"') {
      t.quoted = true;
      for (++i;; ++i) {
        if (i >= s.size()) return out;
        if (s[i] == '"' && (i + 1 >= s.size() || s[i + 1] != '"')) break;
        if (s[i] == '"') ++i;
        t.text += s[i];
      }
      ++i;
    } else if (word_char(s[i])) {
      while (i < s.size() && word_char(s[i])) t.text += s[i++];
    } else {
      t.text = s[i++];
    }
    t.raw = s.substr(start, i - start);
    out.push_back(std::move(t));
  }
  return out;
}

bool keyword(const Token& t, const char* word) {
  if (t.quoted || t.text.size() != std::char_traits<char>::length(word)) return false;
  for (size_t i = 0; i < t.text.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(t.text[i])) != word[i]) return false;
  return true;
}

// An identifier as PostgreSQL stores it: unquoted ones lower-cased (ASCII letters only, as the server does),
// every one cut to NAMEDATALEN - 1 bytes without splitting a UTF-8 character.
std::string stored_name(const Token& t) {
  std::string name = t.text;
  if (!t.quoted)
    for (char& c : name)
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  size_t cut = std::min<size_t>(name.size(), 63);
  while (cut < name.size() && cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut);
}

// Drops an INVALID index the statement of a no-transaction section would build, if one is there: a CREATE
// INDEX CONCURRENTLY that failed or whose connection was killed mid-build leaves one. Only an index of that name
// on that table, and only an invalid one, is touched: that is exactly what the statement is about to build,
// and PostgreSQL would otherwise refuse the CREATE (the name is taken) or, with IF NOT EXISTS, keep the broken
// index. The DROP is quoted by the server (format %I): DDL takes no parameters.
void drop_invalid_index(PGconn* conn, const Migration& m, const std::string& statement) {
  std::optional<ConcurrentIndex> ix = concurrent_index(statement);
  if (!ix) return;
  Result r = must(conn,
                  "SELECT format('DROP INDEX CONCURRENTLY IF EXISTS %I.%I', n.nspname, c.relname)"
                  " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                  " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  " WHERE NOT i.indisvalid AND i.indrelid = to_regclass($1) AND c.relname = $2",
                  {ix->table, ix->name}, m.label() + ": looking for an invalid index " + ix->name);
  for (int i = 0; i < PQntuples(r.get()); ++i)
    must(conn, PQgetvalue(r.get(), i, 0), {}, m.label() + ": dropping the invalid index " + ix->name);
}

// The history after UP section `done` of `total` (the first record inserts the row).
void record_up(PGconn* conn, const Migration& m, int done, int total, long long ms) {
  const char* state = state_text(done == total ? RowState::applied : RowState::applying);
  must(conn,
       "INSERT INTO schemac.migrations AS h (version, name, checksum, duration_ms, state, sections_done)"
       " VALUES ($1::integer, $2, $3, $4::bigint, $5, $6::integer)"
       " ON CONFLICT (version) DO UPDATE SET duration_ms = h.duration_ms + EXCLUDED.duration_ms,"
       " checksum = EXCLUDED.checksum, state = EXCLUDED.state, sections_done = EXCLUDED.sections_done, applied_at = now(),"
       " applied_by = current_user",
       {std::to_string(m.version), m.name, m.checksum, std::to_string(ms), state, std::to_string(done)},
       "recording " + m.label());
}

void record_down(PGconn* conn, const Migration& m, int done, int total) {
  if (done == total)
    must(conn, "DELETE FROM schemac.migrations WHERE version = $1::integer", {std::to_string(m.version)},
         "recording the rollback of " + m.label());
  else
    must(conn, "UPDATE schemac.migrations SET state = 'reverting', sections_done = $2::integer WHERE version = $1::integer",
         {std::to_string(m.version), std::to_string(done)}, "recording the rollback of " + m.label());
}

// Runs the sections after `skip` of one direction, each recorded as above; an empty script is one record.
void run_sections(PGconn* conn, const Migration& m, bool up, int skip, const RunOptions& o) {
  const std::vector<Section>& sections = up ? m.up : m.down;
  int total = int(sections.size());
  auto record = [&](int done, long long ms) {
    if (up) record_up(conn, m, done, total, ms);
    else record_down(conn, m, done, total);
  };
  if (total == 0) {
    must(conn, "BEGIN", {}, m.label());
    try {
      record(0, 0);
    } catch (...) {
      rollback(conn);
      throw;
    }
    must(conn, "COMMIT", {}, "committing " + m.label());
    return;
  }
  for (int i = skip; i < total; ++i) {
    const Section& s = sections[size_t(i)];
    auto start = Clock::now();
    if (s.transactional) must(conn, "BEGIN", {}, m.label());
    else drop_invalid_index(conn, m, s.statements.at(0));  // left by an earlier attempt at this section
    try {
      for (size_t j = 0; j < s.statements.size(); ++j) run_statement(conn, m, up, size_t(i), j, s, o);
    } catch (const Error&) {
      // Right away when the connection still answers; otherwise (killed) the next run does it.
      if (!s.transactional && PQstatus(conn) == CONNECTION_OK) try {
          drop_invalid_index(conn, m, s.statements.at(0));
        } catch (const Error&) {
        }
      throw;
    }
    try {
      record(i + 1, ms_since(start));
    } catch (...) {
      if (s.transactional) rollback(conn);
      throw;
    }
    if (s.transactional) must(conn, "COMMIT", {}, "committing " + m.label());
  }
}

void refuse_problems(const std::vector<Migration>& ms, const std::vector<Applied>& history) {
  auto p = problems(ms, history);
  if (p.empty()) return;
  std::string msg = "the migrations do not match the database's history:";
  for (auto& line : p) msg += "\n  " + line;
  throw Error(msg, "nothing was run; an applied migration never changes: put a change in a new migration");
}

}  // namespace

std::optional<ConcurrentIndex> concurrent_index(const std::string& sql) {
  std::vector<Token> t = tokens(sql, 16);
  size_t i = 0;
  auto next_is = [&](const char* word) { return i < t.size() && keyword(t[i], word) && ++i; };
  if (!next_is("create")) return std::nullopt;
  next_is("unique");
  if (!next_is("index") || !next_is("concurrently")) return std::nullopt;
  if (next_is("if") && !(next_is("not") && next_is("exists"))) return std::nullopt;
  if (i >= t.size() || keyword(t[i], "on") || !(t[i].quoted || word_char(t[i].text[0]))) return std::nullopt;
  ConcurrentIndex ix{stored_name(t[i++]), {}};
  if (!next_is("on")) return std::nullopt;
  next_is("only");
  // The table as written, qualified or not, quotes kept: to_regclass() reads it as the statement does.
  for (bool name = true; i < t.size(); name = !name, ++i) {
    if (name != (t[i].quoted || word_char(t[i].text[0])) || (!name && t[i].text != ".")) break;
    ix.table += t[i].raw;
  }
  if (ix.table.empty() || ix.table.back() == '.') return std::nullopt;
  return ix;
}

std::string Migration::label() const {
  char v[16];
  std::snprintf(v, sizeof v, "%04d", version);
  return std::string(v) + "_" + name;
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::applied: return "applied";
    case Kind::pending: return "pending";
    case Kind::partial: return "partial";
    case Kind::edited: return "edited";
    case Kind::missing: return "missing";
    case Kind::out_of_order: return "out-of-order";
  }
  return "?";
}

std::vector<Applied> read_history(PGconn* conn) {
  std::vector<Applied> h;
  if (!history_exists(conn)) return h;
  Result r = must(conn,
                  "SELECT version, name, checksum, to_char(applied_at AT TIME ZONE 'UTC', "
                  "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), applied_by, duration_ms, sections_done, state"
                  " FROM schemac.migrations ORDER BY version",
                  {}, "reading the history");
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    auto v = [&](int c) { return std::string(PQgetvalue(r.get(), i, c)); };
    h.push_back({std::stoi(v(0)), v(1), v(2), v(3), v(4), std::stoll(v(5)), std::stoi(v(6)), state_of(v(7))});
  }
  return h;
}

std::vector<StatusLine> status(const std::vector<Migration>& ms, const std::vector<Applied>& history) {
  std::map<int, StatusLine> lines;
  int newest = newest_applied(history);
  for (auto& a : history) {
    const Migration* m = migration_of(ms, a.version);
    // A migration stopped halfway may have been fixed before it resumes.
    Kind k = !m                              ? Kind::missing
             : a.state != RowState::applied ? Kind::partial
             : m->checksum != a.checksum    ? Kind::edited
                                            : Kind::applied;
    lines[a.version] = {a.version, m ? m->label() : Migration{a.version, a.name, {}, {}, {}}.label(), k, &a};
  }
  for (auto& m : ms)
    if (!lines.count(m.version))
      lines[m.version] = {m.version, m.label(), m.version < newest ? Kind::out_of_order : Kind::pending, nullptr};
  std::vector<StatusLine> out;
  for (auto& [v, l] : lines) out.push_back(l);
  return out;
}

std::vector<std::string> problems(const std::vector<Migration>& ms, const std::vector<Applied>& history) {
  std::vector<std::string> p;
  for (auto& l : status(ms, history)) {
    if (l.kind == Kind::edited)
      p.push_back(l.label + ": edited after it was applied (checksum " + l.row->checksum + " applied, " +
                  migration_of(ms, l.version)->checksum + " now); restore the file as it was applied");
    else if (l.kind == Kind::missing)
      p.push_back(l.label + ": applied, but its migration is missing; restore its files from version control");
    else if (l.kind == Kind::out_of_order)
      p.push_back(l.label + ": pending, but a later migration (" + std::to_string(newest_applied(history)) +
                  ") is already applied; renumber it after the newest (`git mv`, `schemac migrate hash`, then "
                  "`schemac migrate rebase NNNN` re-plans it on the newest snapshot)");
  }
  return p;
}

std::vector<size_t> up_plan(const std::vector<Migration>& ms, const std::vector<Applied>& history,
                            std::optional<int> to) {
  std::vector<size_t> plan;
  for (size_t i = 0; i < ms.size(); ++i) {
    const Applied* a = row_of(history, ms[i].version);
    if (a && a->state == RowState::applied) continue;
    if (to && ms[i].version > *to) continue;
    plan.push_back(i);
  }
  std::sort(plan.begin(), plan.end(), [&](size_t a, size_t b) { return ms[a].version < ms[b].version; });
  return plan;
}

std::vector<size_t> down_plan(const std::vector<Migration>& ms, const std::vector<Applied>& history,
                              const DownTarget& t) {
  std::vector<size_t> plan;
  int steps = t.steps.value_or(t.to ? int(history.size()) : 1);
  for (auto a = history.rbegin(); a != history.rend() && int(plan.size()) < steps; ++a) {
    if (t.to && a->version <= *t.to) break;
    for (size_t i = 0; i < ms.size(); ++i)
      if (ms[i].version == a->version) plan.push_back(i);
  }
  return plan;
}

int up(PGconn* conn, const std::vector<Migration>& ms, std::optional<int> to, const RunOptions& o) {
  std::optional<RunLock> lock;
  if (!o.dry_run) {
    lock.emplace(conn, o);
    create_history(conn);
  }
  std::vector<Applied> history = read_history(conn);
  refuse_problems(ms, history);
  if (!history.empty() && history.back().state == RowState::reverting) {
    const Applied& a = history.back();
    throw Error(Migration{a.version, a.name, {}, {}, {}}.label() + ": its rollback stopped after " +
                    std::to_string(a.sections_done) + " section(s)",
                "run `schemac migrate down` to finish the rollback first");
  }
  int n = 0;
  for (size_t i : up_plan(ms, history, to)) {
    const Migration& m = ms[i];
    const Applied* a = row_of(history, m.version);
    auto start = Clock::now();
    if (!o.dry_run) run_sections(conn, m, true, a ? a->sections_done : 0, o);
    ++n;
    if (o.on_done) o.on_done({&m, true, false, ms_since(start), o.dry_run});
  }
  return n;
}

std::vector<size_t> baseline_plan(const std::vector<Migration>& ms, const std::vector<Applied>& history,
                                  int version) {
  std::string label = Migration{version, "", {}, {}, {}}.label();
  label.pop_back();  // the version alone: "0003"
  if (!migration_of(ms, version))
    throw Error("there is no migration " + label + " to baseline at",
                "pass the version of a migration in the directory (`schemac migrate status` lists them)");
  refuse_problems(ms, history);
  for (const Applied& a : history) {
    std::string row = Migration{a.version, a.name, {}, {}, {}}.label();
    if (a.state != RowState::applied)
      throw Error(row + " stopped halfway (" + state_text(a.state) + "); a baseline records only whole migrations",
                  "finish it with `schemac migrate up` or `schemac migrate down` first");
    if (a.version > version)
      throw Error("the database is already at " + row + ", past " + label,
                  "a baseline only marks versions that were never applied; roll back with `schemac migrate down` "
                  "if that is what you mean");
  }
  return up_plan(ms, history, version);
}

int baseline(PGconn* conn, const std::vector<Migration>& ms, int version, const RunOptions& o) {
  std::optional<RunLock> lock;
  if (!o.dry_run) {
    lock.emplace(conn, o);
    create_history(conn);
  }
  std::vector<size_t> plan = baseline_plan(ms, read_history(conn), version);
  if (!o.dry_run && !plan.empty()) {
    // One transaction: a baseline is recorded whole or not at all.
    must(conn, "BEGIN", {}, "recording the baseline");
    try {
      for (size_t i : plan) record_up(conn, ms[i], int(ms[i].up.size()), int(ms[i].up.size()), 0);
    } catch (...) {
      rollback(conn);
      throw;
    }
    must(conn, "COMMIT", {}, "committing the baseline");
  }
  if (o.on_done)
    for (size_t i : plan) o.on_done({&ms[i], true, true, 0, o.dry_run});
  return int(plan.size());
}

std::string accept_edit(PGconn* conn, const std::vector<Migration>& ms, int version, const RunOptions& o) {
  const Migration* m = migration_of(ms, version);
  if (!m) throw Error("no migration " + std::to_string(version) + " in the directory", "name an applied migration");
  std::optional<RunLock> lock;
  if (!o.dry_run) lock.emplace(conn, o);
  std::vector<Applied> history = read_history(conn);
  const Applied* a = row_of(history, version);
  if (!a || a->state != RowState::applied)
    throw Error(m->label() + " is not applied here", "repair records an applied migration's edited file; "
                                                     "a pending one is simply applied by up");
  if (a->checksum == m->checksum)
    throw Error(m->label() + " is not edited: its file is the one that was applied", "nothing to repair");
  if (!o.dry_run)
    must(conn, "UPDATE schemac.migrations SET checksum = $2 WHERE version = $1::integer",
         {std::to_string(version), m->checksum}, "recording the edited checksum of " + m->label());
  return a->checksum;
}

int down(PGconn* conn, const std::vector<Migration>& ms, const DownTarget& target, const RunOptions& o) {
  std::optional<RunLock> lock;
  if (!o.dry_run) lock.emplace(conn, o);
  std::vector<Applied> history = read_history(conn);
  refuse_problems(ms, history);
  int n = 0;
  for (size_t i : down_plan(ms, history, target)) {
    const Migration& m = ms[i];
    const Applied* a = row_of(history, m.version);
    if (a->state == RowState::applying)
      throw Error(m.label() + ": applied only up to section " + std::to_string(a->sections_done) +
                      " of " + std::to_string(m.up.size()),
                  "run `schemac migrate up` to finish it, then roll it back");
    auto start = Clock::now();
    if (!o.dry_run) run_sections(conn, m, false, a->state == RowState::reverting ? a->sections_done : 0, o);
    ++n;
    if (o.on_done) o.on_done({&m, false, false, ms_since(start), o.dry_run});
  }
  return n;
}

}  // namespace schemac::runtime

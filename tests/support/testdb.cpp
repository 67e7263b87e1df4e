#include "testdb.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <cstring>

extern char** environ;

namespace schemac::test {

namespace {

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

struct ConninfoOptionsFree {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using ConninfoOptions = std::unique_ptr<PQconninfoOption, ConninfoOptionsFree>;

ConninfoOptions parse_conninfo(std::string_view url) {
  char* err = nullptr;
  ConninfoOptions opts(PQconninfoParse(std::string(url).c_str(), &err));
  if (err) PQfreemem(err);  // may name the offending text, which could be a password: never shown
  return opts;
}

// key='value' with the quoting libpq's conninfo syntax wants.
std::string conninfo_pair(const char* key, const char* value) {
  std::string out = std::string(key) + "='";
  for (const char* p = value; *p; ++p) {
    if (*p == '\'' || *p == '\\') out += '\\';
    out += *p;
  }
  return out + "'";
}

// The server URL with its database replaced by `dbname`, as a conninfo string; every other option kept.
std::string with_database(const std::string& url, const std::string& dbname) {
  ConninfoOptions opts = parse_conninfo(url);
  if (!opts) throw std::runtime_error("cannot parse the connection string " + redact_url(url));
  std::string out;
  for (PQconninfoOption* o = opts.get(); o->keyword; ++o) {
    std::string_view key = o->keyword;
    if (key == "dbname") continue;
    if (o->val && *o->val) {
      if (!out.empty()) out += ' ';
      out += conninfo_pair(o->keyword, o->val);
    }
  }
  if (!out.empty()) out += ' ';
  return out + conninfo_pair("dbname", dbname.c_str());
}

std::string quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool skip_live() { return env_or_empty("SCHEMAC_SKIP_LIVE") == "1"; }

std::string describe_server(Server s) {
  switch (s) {
    case Server::pg15: return "PostgreSQL 15 or later";
    case Server::tsdb: return "TimescaleDB (Apache or Timescale license)";
    case Server::tsl: return "TimescaleDB with the Timescale license (e.g. the PGlite server of scripts/db.sh)";
  }
  return "?";
}

std::string unique_database_name() {
  static std::atomic<unsigned> counter{0};
  static const unsigned salt = std::random_device{}() & 0xffffu;
  std::ostringstream name;
  name << "schemac_t_" << ::getpid() << '_' << std::hex << salt << '_' << std::dec << ++counter;
  return name.str();
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Servers and URLs

const char* server_name(Server s) {
  switch (s) {
    case Server::pg15: return "pg15";
    case Server::tsdb: return "tsdb";
    case Server::tsl: return "tsl";
  }
  return "?";
}

const char* server_env_var(Server s) {
  switch (s) {
    case Server::pg15: return "SCHEMAC_TEST_PG_URL";
    case Server::tsdb: return "SCHEMAC_TEST_TSDB_URL";
    case Server::tsl: return "SCHEMAC_TEST_TSL_URL";
  }
  return "?";
}

std::string server_url(Server s) {
  std::string url = env_or_empty(server_env_var(s));
  if (!url.empty()) return url;
  std::string why = std::string(server_env_var(s)) + " is not set: this live test needs " + describe_server(s) + ".";
  if (skip_live()) {
    // CTest marks the test skipped when its output matches this word (tests/CMakeLists.txt).
    std::cout << "SCHEMAC_LIVE_SKIPPED: " << why << " (SCHEMAC_SKIP_LIVE=1)" << std::endl;
    throw std::runtime_error("skipped: " + why);
  }
  throw std::runtime_error(
      why +
      " Run the tests with scripts/test.sh (it starts throwaway servers), or run scripts/db.sh start and"
      " eval \"$(scripts/db.sh env)\", or set it to a libpq URL of your own server (a role that may CREATE"
      " DATABASE). SCHEMAC_SKIP_LIVE=1 skips live tests instead.");
}

// ------------------------------------------------------------------------------------------------
// Connections and queries

struct TestDb::Conn {
  PGconn* pg = nullptr;
  ~Conn() {
    if (pg) PQfinish(pg);
  }
};

namespace {

struct PgResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, PgResultFree>;

std::string trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

PGconn* open_connection(const std::string& url, Server server) {
  PGconn* pg = PQconnectdb(url.c_str());
  if (PQstatus(pg) != CONNECTION_OK) {
    std::string message = trimmed(PQerrorMessage(pg));
    PQfinish(pg);
    throw std::runtime_error(std::string("cannot connect to the ") + server_name(server) + " test server " +
                             redact_url(url) + ": " + message);
  }
  // Quieter output: no NOTICEs on the test's stderr (TimescaleDB prints a banner on CREATE EXTENSION).
  PQsetNoticeProcessor(pg, [](void*, const char*) {}, nullptr);
  return pg;
}

std::vector<Row> run_on(PGconn* pg, const std::string& sql, const std::string& where) {
  Result res(PQexec(pg, sql.c_str()));
  ExecStatusType st = PQresultStatus(res.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    std::string message = trimmed(res ? PQresultErrorMessage(res.get()) : PQerrorMessage(pg));
    const char* sqlstate = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
    std::string shown = sql.size() > 300 ? sql.substr(0, 300) + "..." : sql;
    throw std::runtime_error(where + ": " + message + (sqlstate ? std::string(" [SQLSTATE ") + sqlstate + "]" : "") +
                             "\n  in: " + shown);
  }
  std::vector<Row> rows;
  int n = PQntuples(res.get()), m = PQnfields(res.get());
  rows.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    Row row;
    row.reserve(static_cast<size_t>(m));
    for (int j = 0; j < m; ++j)
      row.emplace_back(PQgetisnull(res.get(), i, j) ? std::string(null_text) : std::string(PQgetvalue(res.get(), i, j)));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Objects a tsl test may create, one "kind\tidentity" per object, identities already quoted for DROP.
constexpr const char* kObjectsQuery = R"SQL(
WITH ns AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
    AND nspname NOT LIKE '\_timescaledb%' AND nspname NOT LIKE 'timescaledb\_%'
),
ext_owned AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
SELECT 'schema' AS kind, quote_ident(n.nspname) AS ident FROM ns n
  WHERE NOT EXISTS (SELECT 1 FROM ext_owned e WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid)
UNION ALL
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                      WHEN 'f' THEN 'foreign table' ELSE 'table' END,
       quote_ident(n.nspname) || '.' || quote_ident(c.relname)
  FROM pg_class c JOIN ns n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND NOT EXISTS (SELECT 1 FROM ext_owned e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid)
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, quote_ident(n.nspname) || '.' || quote_ident(t.typname)
  FROM pg_type t JOIN ns n ON n.oid = t.typnamespace
  WHERE (t.typtype IN ('e', 'd', 'r', 'm')
         OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
    AND NOT EXISTS (SELECT 1 FROM ext_owned e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
       quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')'
  FROM pg_proc p JOIN ns n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p', 'a')
    AND NOT EXISTS (SELECT 1 FROM ext_owned e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)
UNION ALL
SELECT 'extension', quote_ident(extname) FROM pg_extension WHERE extname <> 'plpgsql'
ORDER BY 1, 2
)SQL";

std::vector<std::string> list_objects(PGconn* pg) {
  std::vector<std::string> out;
  for (const Row& r : run_on(pg, kObjectsQuery, "listing the tsl server's objects")) out.push_back(r[0] + '\t' + r[1]);
  return out;
}

// Drop order: whole schemas first, then what depends on others before what they depend on.
int drop_rank(std::string_view kind) {
  static const char* const order[] = {"schema", "view", "materialized view", "table", "foreign table", "sequence",
                                      "function", "procedure", "aggregate", "type", "domain", "extension"};
  for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
    if (kind == order[i]) return i;
  return 99;
}

}  // namespace

TestDb::TestDb(Server server) : server_(server), server_url_(server_url(server)) {
  if (server_ == Server::tsl) {
    url_ = server_url_;
    PGconn* pg = open_connection(url_, server_);
    try {
      database_ = run_on(pg, "SELECT current_database()", "tsl")[0][0];
      objects_before_ = list_objects(pg);
    } catch (...) {
      PQfinish(pg);
      throw;
    }
    PQfinish(pg);
    return;
  }
  database_ = unique_database_name();
  {
    Conn admin;
    admin.pg = open_connection(server_url_, server_);
    run_on(admin.pg, "CREATE DATABASE " + quote_ident(database_),
           std::string("creating the test database on ") + server_name(server_) + " " + redact_url(server_url_));
  }
  url_ = with_database(server_url_, database_);
}

TestDb::~TestDb() {
  delete conn_;
  conn_ = nullptr;
  if (server_ == Server::tsl) {
    drop_created_objects();
    return;
  }
  try {
    Conn admin;
    admin.pg = open_connection(server_url_, server_);
    run_on(admin.pg, "DROP DATABASE IF EXISTS " + quote_ident(database_) + " WITH (FORCE)", "dropping the test database");
  } catch (const std::exception& e) {
    std::cerr << "warning: " << server_name(server_) << ": could not drop test database " << database_ << ": " << e.what()
              << '\n';
  }
}

void TestDb::drop_created_objects() noexcept {
  try {
    Conn c;
    c.pg = open_connection(url_, server_);
    std::set<std::string> before(objects_before_.begin(), objects_before_.end());
    std::vector<std::pair<std::string, std::string>> created;  // kind, identity
    for (const std::string& o : list_objects(c.pg)) {
      if (before.count(o)) continue;
      auto tab = o.find('\t');
      created.emplace_back(o.substr(0, tab), o.substr(tab + 1));
    }
    std::stable_sort(created.begin(), created.end(),
                     [](const auto& a, const auto& b) { return drop_rank(a.first) < drop_rank(b.first); });
    run_on(c.pg, "SET client_min_messages = warning", "tsl cleanup");
    for (const auto& [kind, ident] : created) {
      std::string drop = "DROP " + (kind == "aggregate" || kind == "function" || kind == "procedure"
                                        ? kind
                                        : (kind == "type" || kind == "domain" ? std::string("TYPE") : kind));
      for (auto& ch : drop) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      std::string sql = drop + " IF EXISTS " + ident + " CASCADE";
      try {
        run_on(c.pg, sql, "tsl cleanup");
      } catch (const std::exception&) {
        // A continuous aggregate is listed as a view but is dropped as a materialized view.
        if (kind != "view") throw;
        run_on(c.pg, "DROP MATERIALIZED VIEW IF EXISTS " + ident + " CASCADE", "tsl cleanup");
      }
    }
    std::vector<std::string> left;
    for (const std::string& o : list_objects(c.pg))
      if (!before.count(o)) left.push_back(o);
    if (!left.empty()) {
      std::cerr << "warning: tsl: the test left objects behind that cleanup could not drop:";
      for (const auto& o : left) std::cerr << ' ' << o;
      std::cerr << '\n';
    }
  } catch (const std::exception& e) {
    std::cerr << "warning: tsl: cleaning up after the test failed: " << e.what() << '\n';
  }
}

TestDb::Conn& TestDb::connection() {
  if (!conn_) {
    auto c = std::make_unique<Conn>();
    c->pg = open_connection(url_, server_);
    conn_ = c.release();
  }
  return *conn_;
}

// On tsl the server takes one connection at a time: never keep ours open between calls.
void TestDb::release_connection_if_shared() {
  if (server_ == Server::tsl) {
    delete conn_;
    conn_ = nullptr;
  }
}

std::vector<Row> TestDb::run(const std::string& sql) {
  struct Release {
    TestDb* db;
    ~Release() { db->release_connection_if_shared(); }
  } release{this};
  return run_on(connection().pg, sql, std::string(server_name(server_)) + " " + redact_url(url_));
}

void TestDb::exec(const std::string& sql) { run(sql); }

std::optional<std::string> TestDb::query_nullable(const std::string& sql) {
  std::vector<Row> rows = run(sql);
  if (rows.empty() || rows[0].empty()) throw std::runtime_error("query returned no rows: " + sql);
  if (rows[0][0] == null_text) return std::nullopt;
  return rows[0][0];
}

std::string TestDb::query_value(const std::string& sql) {
  std::optional<std::string> v = query_nullable(sql);
  if (!v) throw std::runtime_error("query returned NULL: " + sql);
  return *v;
}

std::vector<Row> TestDb::query_rows(const std::string& sql) { return run(sql); }

// ------------------------------------------------------------------------------------------------
// Running programs

RunResult run_program(const std::vector<std::string>& argv, const std::string& cwd) {
  namespace fs = std::filesystem;
  if (argv.empty()) throw std::invalid_argument("run_program: empty argv");
  static std::atomic<unsigned> counter{0};
  fs::path base = fs::temp_directory_path() /
                  ("schemac_test_run_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
  std::string out_path = base.string() + ".out", err_path = base.string() + ".err";

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));

  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::error_code ec;
    fs::remove(path, ec);
    return s.str();
  };
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

RunResult run_schemac(const std::vector<std::string>& args, const std::string& cwd) {
#ifndef SCHEMAC_BINARY
#error "SCHEMAC_BINARY must name the schemac CLI (tests/CMakeLists.txt defines it)"
#endif
  std::vector<std::string> argv{SCHEMAC_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, cwd);
}

}  // namespace schemac::test

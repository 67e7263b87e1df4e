#include "schemac/connection.hpp"

#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>

#include "schemac/redact.hpp"

namespace schemac::db {
namespace {

// FNV-1a over the SQL: a stable, short statement name for statements not given one.
std::string name_for(const std::string& sql) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : sql) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "schemac_%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

}  // namespace

Statement::Statement(std::string sql_text) : name(name_for(sql_text)), sql(std::move(sql_text)) {}

void Params::clear() {
  data_.clear();
  types_.clear();
  offsets_.clear();
  lengths_.clear();
  formats_.clear();
}

void Params::finish() {
  values_.resize(offsets_.size());
  for (size_t i = 0; i < offsets_.size(); ++i) values_[i] = offsets_[i] == kNull ? nullptr : data_.data() + offsets_[i];
}

Connection::Connection(const std::string& url) : display_url_(redact(url, secrets_of(url))), secrets_(secrets_of(url)) {
  // expand_dbname reads the URL as a whole connection string; the later client_encoding overrides any in it,
  // so text always arrives as UTF-8.
  const char* keys[] = {"dbname", "client_encoding", nullptr};
  const char* values[] = {url.c_str(), "UTF8", nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    const std::string reason = conn_ ? trim(PQerrorMessage(conn_)) : "out of memory";
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    throw Error(redact("cannot connect to " + display_url_ + ": " + reason, secrets_), "08001");
  }
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

Connection::Connection(Connection&& other) noexcept
    : conn_(other.conn_),
      display_url_(std::move(other.display_url_)),
      secrets_(std::move(other.secrets_)),
      prepared_(std::move(other.prepared_)) {
  other.conn_ = nullptr;
}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (conn_) PQfinish(conn_);
    conn_ = other.conn_;
    other.conn_ = nullptr;
    display_url_ = std::move(other.display_url_);
    secrets_ = std::move(other.secrets_);
    prepared_ = std::move(other.prepared_);
  }
  return *this;
}

Error Connection::error(const PGresult* res, std::string_view context) const {
  return result_error(res, conn_, context, secrets_);
}

void Connection::execute(const std::string& sql) {
  ResultGuard g{PQexec(conn_, sql.c_str())};
  const ExecStatusType st = PQresultStatus(g.r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) throw error(g.r, "running SQL");
}

bool Connection::check_prepared(const Statement& s, const std::vector<Oid>& types) const {
  const auto it = prepared_.find(s.name);
  if (it == prepared_.end()) return false;
  if (it->second.sql != s.sql)
    throw Error("statement \"" + s.name + "\" was prepared on this connection with other SQL");
  if (it->second.types != types)
    throw Error("statement \"" + s.name + "\" was prepared with other parameter types than this call passes");
  return true;
}

void Connection::mark_prepared(const Statement& s, const std::vector<Oid>& types) {
  prepared_[s.name] = PreparedInfo{s.sql, types};
}

void Connection::prepare(const Statement& s, const std::vector<Oid>& types) {
  if (check_prepared(s, types)) return;
  ResultGuard g{PQprepare(conn_, s.name.c_str(), s.sql.c_str(), static_cast<int>(types.size()), types.data())};
  if (PQresultStatus(g.r) != PGRES_COMMAND_OK) throw error(g.r, "preparing \"" + s.name + "\"");
  mark_prepared(s, types);
}

Result Connection::exec_packed(const Statement& s, const Params& p) {
  prepare(s, p.types());
  PGresult* r = PQexecPrepared(conn_, s.name.c_str(), p.size(), p.values(), p.lengths(), p.formats(), 1);
  Result result(r);
  const ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) throw error(r, "executing \"" + s.name + "\"");
  return result;
}

void Connection::stream_packed(const Statement& s, const Params& p, const std::function<void(const Result&)>& on_row) {
  prepare(s, p.types());
  if (!PQsendQueryPrepared(conn_, s.name.c_str(), p.size(), p.values(), p.lengths(), p.formats(), 1))
    throw error(nullptr, "sending \"" + s.name + "\"");
  if (!PQsetSingleRowMode(conn_)) {
    // Should not happen right after sending; read the query to the end so the connection stays usable.
    while (PGresult* r = PQgetResult(conn_)) PQclear(r);
    throw Error("single-row mode refused for \"" + s.name + "\"");
  }
  // Every result is read, even after a failure or an exception from on_row, so the connection is left idle.
  std::optional<Error> failure;
  std::exception_ptr thrown;
  while (PGresult* r = PQgetResult(conn_)) {
    Result row(r);
    const ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_SINGLE_TUPLE) {
      if (!failure && !thrown) {
        try {
          on_row(row);
        } catch (...) {
          thrown = std::current_exception();
        }
      }
    } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && !failure) {
      failure = error(r, "executing \"" + s.name + "\"");
    }
  }
  if (thrown) std::rethrow_exception(thrown);
  if (failure) throw *failure;
}

Oid Connection::type_oid(const std::string& type_name) {
  static const Statement lookup{"schemac_type_oid", "SELECT $1::text::regtype::oid"};
  const Result r = exec(lookup, type_name);
  return r.get<Oid>(0, 0);
}

Transaction::Transaction(Connection& conn, const std::string& begin_sql) : conn_(conn) { conn_.execute(begin_sql); }

Transaction::~Transaction() {
  if (!open_) return;
  PGresult* r = PQexec(conn_.native(), "ROLLBACK");
  PQclear(r);
}

void Transaction::commit() {
  open_ = false;  // a failed COMMIT ends the transaction too: there is nothing left to roll back
  ResultGuard g{PQexec(conn_.native(), "COMMIT")};
  if (PQresultStatus(g.r) != PGRES_COMMAND_OK) throw conn_.error(g.r, "committing");
  // COMMIT of a transaction an earlier statement broke succeeds as a ROLLBACK: that is a failure to commit.
  if (std::strcmp(PQcmdStatus(g.r), "ROLLBACK") == 0)
    throw Error("committing: the transaction was rolled back, an earlier statement in it failed", "25P02");
}

void Transaction::rollback() {
  open_ = false;
  conn_.execute("ROLLBACK");
}

}  // namespace schemac::db

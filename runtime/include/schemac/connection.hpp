#pragma once
// A connection to one database over libpq, the statements prepared on it, and transactions.
//
//   schemac::db::Connection conn(url);                      // throws Error, never showing the password
//   static const schemac::db::Statement latest{"latest_tick",
//       "SELECT ts, bid FROM ticks WHERE symbol_id = $1 ORDER BY ts DESC LIMIT 1"};
//   auto r = conn.exec(latest, int32_t{7});                  // prepared on first use, binary both ways
//   if (!r.empty()) use(r.get<schemac::db::Timestamptz>(0, 0), r.get<std::optional<Decimal>>(0, 1));
//   schemac::db::Transaction tx(conn); ...; tx.commit();     // rolled back unless committed
//
// A statement is prepared once per connection, under its name, with the parameter types of the C++ values of its
// first execution (Codec<T>::oid; 0 lets the server infer); later executions must pass the same types. Values and
// results travel in the binary format. The connection's client encoding is UTF8, so text is UTF-8 both ways.
#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "schemac/codec.hpp"
#include "schemac/error.hpp"
#include "schemac/result.hpp"

namespace schemac::db {

// A statement: its SQL with $1... placeholders, and the name it is prepared under (by default one derived from
// the SQL, so equal SQL shares one prepared statement).
struct Statement {
  std::string name;
  std::string sql;
  explicit Statement(std::string sql_text);
  Statement(std::string statement_name, std::string sql_text) : name(std::move(statement_name)), sql(std::move(sql_text)) {}
};

// Parameter values packed for PQexecPrepared / PQsendQueryPrepared: one buffer for all bytes, and the arrays
// libpq takes. Reused across calls, so executing a statement allocates nothing once warm.
class Params {
 public:
  template <class... P>
  void set(const P&... params) {
    clear();
    (add(params), ...);
    finish();
  }
  template <class T>
  void add(const T& v) {
    types_.push_back(Codec<codec_type_t<T>>::oid);
    if (is_null_value(v)) {
      offsets_.push_back(kNull);
      lengths_.push_back(0);
    } else {
      const size_t at = data_.size();
      encode_value(v, data_);
      offsets_.push_back(at);
      lengths_.push_back(static_cast<int>(data_.size() - at));
    }
    formats_.push_back(1);
  }
  void clear();
  // Points values() into the buffer, which no longer moves.
  void finish();

  int size() const { return static_cast<int>(types_.size()); }
  const std::vector<Oid>& types() const { return types_; }
  const char* const* values() const { return values_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  static constexpr size_t kNull = static_cast<size_t>(-1);
  Buffer data_;
  std::vector<Oid> types_;
  std::vector<size_t> offsets_;
  std::vector<int> lengths_, formats_;
  std::vector<const char*> values_;
};

class Connection {
 public:
  // Anything libpq accepts: a postgresql:// URI or "host=... dbname=..." settings. Throws Error (SQLSTATE 08001)
  // with libpq's reason and the URL, every password in either replaced by ***.
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  PGconn* native() const { return conn_; }
  // The URL with its password masked, for messages.
  const std::string& display_url() const { return display_url_; }

  // Runs SQL without parameters through the simple protocol (BEGIN, SET, DDL; several statements allowed).
  // Never put values into the text: use a Statement and parameters.
  void execute(const std::string& sql);

  // Prepares `s` (once per connection) and runs it with `params`; throws Error.
  template <class... P>
  Result exec(const Statement& s, const P&... params) {
    params_.set(params...);
    return exec_packed(s, params_);
  }
  Result exec_packed(const Statement& s, const Params& params);

  // Runs `s` and calls on_row once per row as rows arrive (single-row mode), so a large result is never held
  // whole; each call gets a Result holding that one row. Throws Error (after the rows already delivered).
  template <class... P>
  void for_each_row(const Statement& s, const std::function<void(const Result&)>& on_row, const P&... params) {
    params_.set(params...);
    stream_packed(s, params_, on_row);
  }
  void stream_packed(const Statement& s, const Params& params, const std::function<void(const Result&)>& on_row);

  // Prepares `s` with these parameter types unless it already is; throws Error when it was prepared with others.
  void prepare(const Statement& s, const std::vector<Oid>& types);
  bool is_prepared(const Statement& s) const { return prepared_.count(s.name) != 0; }
  // Pipeline mode prepares inside the pipeline: records it (and forgets it again when that failed).
  void mark_prepared(const Statement& s, const std::vector<Oid>& types);
  void forget_prepared(const std::string& name) { prepared_.erase(name); }
  // Checks a prepared statement's recorded SQL and types against this use of it (throws Error when they differ);
  // false when it is not prepared. One lookup for both, since every execution asks.
  bool check_prepared(const Statement& s, const std::vector<Oid>& types) const;

  // The OID of a type by name ("public.side", "side[]"), through the server's regtype input; for enum arrays in
  // COPY. Throws Error when there is no such type.
  Oid type_oid(const std::string& type_name);

  // The Error for a failed result on this connection, passwords scrubbed.
  Error error(const PGresult* res, std::string_view context) const;

 private:
  struct PreparedInfo {
    std::string sql;
    std::vector<Oid> types;
  };
  PGconn* conn_ = nullptr;
  std::string display_url_;
  std::vector<std::string> secrets_;
  std::unordered_map<std::string, PreparedInfo> prepared_;
  Params params_;
};

// BEGIN now, ROLLBACK when it goes out of scope without commit() (an exception, an early return). The rollback
// in the destructor swallows errors: the connection may be gone, and a destructor must not throw.
class Transaction {
 public:
  explicit Transaction(Connection& conn, const std::string& begin_sql = "BEGIN");
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  void rollback();

 private:
  Connection& conn_;
  bool open_ = true;
};

}  // namespace schemac::db

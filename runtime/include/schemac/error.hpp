#pragma once
// The one exception the runtime's database calls throw. It carries what a program branches on (the SQLSTATE, the
// constraint a violation names) beside a readable message; passwords never appear in it (see redact.hpp).
#include <libpq-fe.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace schemac::db {

struct Error : std::runtime_error {
  std::string sqlstate;    // five characters ("23505"); "08001" for a failed connection; empty for client errors
  std::string constraint;  // PG_DIAG_CONSTRAINT_NAME, for constraint violations
  std::string detail, hint;

  explicit Error(const std::string& message, std::string sqlstate = {}, std::string constraint = {},
                 std::string detail = {}, std::string hint = {})
      : std::runtime_error(message),
        sqlstate(std::move(sqlstate)),
        constraint(std::move(constraint)),
        detail(std::move(detail)),
        hint(std::move(hint)) {}

  bool unique_violation() const { return sqlstate == "23505"; }
  bool foreign_key_violation() const { return sqlstate == "23503"; }
};

// The Error for a failed result (`res` may be null: the connection's own message is used). The message reads
// "<context>: <server's message> (SQLSTATE xxxxx)", then the server's detail and hint on lines of their own, with
// `secrets` and every password-shaped text scrubbed.
Error result_error(const PGresult* res, PGconn* conn, std::string_view context,
                   const std::vector<std::string>& secrets);

}  // namespace schemac::db

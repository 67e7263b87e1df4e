#include "schemac/error.hpp"

#include "schemac/redact.hpp"

namespace schemac::db {
namespace {
std::string field(const PGresult* res, int code) {
  const char* v = res ? PQresultErrorField(res, code) : nullptr;
  return v ? v : "";
}
std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}
}  // namespace

Error result_error(const PGresult* res, PGconn* conn, std::string_view context,
                   const std::vector<std::string>& secrets) {
  std::string primary = field(res, PG_DIAG_MESSAGE_PRIMARY);
  // Without a server message (connection lost, a client-side failure) libpq's own text is all there is.
  if (primary.empty()) primary = trim(res && *PQresultErrorMessage(res) ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  if (primary.empty()) primary = "unknown error";
  const std::string sqlstate = field(res, PG_DIAG_SQLSTATE);
  const std::string detail = redact(field(res, PG_DIAG_MESSAGE_DETAIL), secrets);
  const std::string hint = redact(field(res, PG_DIAG_MESSAGE_HINT), secrets);
  std::string message = std::string(context) + ": " + primary;
  if (!sqlstate.empty()) message += " (SQLSTATE " + sqlstate + ")";
  if (!detail.empty()) message += "\n  detail: " + detail;
  if (!hint.empty()) message += "\n  hint: " + hint;
  return Error(redact(message, secrets), sqlstate, field(res, PG_DIAG_CONSTRAINT_NAME), detail, hint);
}

}  // namespace schemac::db

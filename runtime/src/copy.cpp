#include "schemac/copy.hpp"

namespace schemac::db {

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string copy_in_sql(std::string_view schema, std::string_view table, const std::vector<std::string_view>& columns) {
  std::string sql = "COPY " + quote_identifier(schema) + "." + quote_identifier(table) + " (";
  for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + quote_identifier(columns[i]);
  return sql + ") FROM STDIN (FORMAT binary)";
}

void CopyEncoder::header() {
  static constexpr char signature[11] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0'};
  buf_.append(signature, sizeof signature);
  buf_.put_u32(0);  // flags: no OIDs
  buf_.put_u32(0);  // no header extension
}

CopyWriter::CopyWriter(Connection& conn, const std::string& copy_sql, size_t buffer_bytes)
    : conn_(conn), enc_(buffer_bytes + 4096), limit_(buffer_bytes) {
  PGresult* r = PQexec(conn_.native(), copy_sql.c_str());
  const Result result(r);
  if (PQresultStatus(r) != PGRES_COPY_IN) {
    if (PQresultStatus(r) == PGRES_FATAL_ERROR) throw conn_.error(r, "starting COPY");
    throw Error("starting COPY: the statement is not a COPY ... FROM STDIN");
  }
  active_ = true;
  enc_.header();
}

CopyWriter::~CopyWriter() {
  if (!active_) return;
  try {
    abort();
  } catch (...) {
    // The connection is gone; nothing of the COPY was kept either way.
  }
}

Error CopyWriter::copy_error(std::string_view context) { return conn_.error(nullptr, context); }

void CopyWriter::flush() {
  Buffer& b = enc_.buffer();
  if (b.empty()) return;
  if (PQputCopyData(conn_.native(), b.data(), static_cast<int>(b.size())) != 1) {
    active_ = false;
    throw copy_error("COPY: sending rows");
  }
  b.clear();
}

int64_t CopyWriter::finish() {
  if (!active_) throw Error("COPY: finish after the COPY ended");
  enc_.trailer();
  flush();
  active_ = false;
  if (PQputCopyEnd(conn_.native(), nullptr) != 1) throw copy_error("COPY: ending");
  std::optional<Error> failure;
  int64_t copied = 0;
  while (PGresult* r = PQgetResult(conn_.native())) {
    const Result result(r);
    if (PQresultStatus(r) == PGRES_COMMAND_OK)
      copied = result.affected();
    else if (!failure)
      failure = conn_.error(r, "COPY");
  }
  if (failure) throw *failure;
  return copied;
}

void CopyWriter::abort(const std::string& reason) {
  if (!active_) return;
  active_ = false;
  enc_.buffer().clear();
  PQputCopyEnd(conn_.native(), reason.c_str());
  while (PGresult* r = PQgetResult(conn_.native())) PQclear(r);  // the server's "COPY from stdin failed"
}

}  // namespace schemac::db

#pragma once
// Binary COPY: rows streamed into a table in the server's binary COPY format, the fastest way in (copy_into in
// generated code).
//
//   schemac::db::CopyWriter copy(conn, schemac::db::copy_in_sql("public", "ticks", {"ts", "symbol_id", "bid"}));
//   for (const auto& t : ticks) copy.row(t.ts, t.symbol_id, t.bid);   // std::optional fields for NULL
//   copy.finish();                                                    // throws Error; returns the rows copied
//
// The format: an 11-byte signature, int32 flags, int32 header-extension length; per row an int16 field count and
// each field as int32 length (-1 for NULL) then its binary value (the same bytes as a binary parameter); an int16
// -1 trailer. Rows collect in a large buffer (1 MiB by default) handed to PQputCopyData when full.
#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemac/codec.hpp"
#include "schemac/connection.hpp"

namespace schemac::db {

// "COPY "schema"."table" ("a", "b") FROM STDIN (FORMAT binary)", every name quoted (doubling any ").
std::string copy_in_sql(std::string_view schema, std::string_view table, const std::vector<std::string_view>& columns);
// A name as a quoted SQL identifier.
std::string quote_identifier(std::string_view name);

// The COPY binary stream's bytes, without a connection (CopyWriter sends them; tests read them).
class CopyEncoder {
 public:
  explicit CopyEncoder(size_t reserve = 0) : buf_(reserve) {}
  void header();
  void begin_row(int16_t fields) { buf_.put_i16(fields); }
  template <class T>
  void field(const T& v) {
    put_field(buf_, v);
  }
  // An array whose element OID the program supplies (an enum array: Connection::type_oid("side")).
  template <class E>
  void array_field(const std::vector<E>& v, Oid element_oid) {
    const size_t at = buf_.begin_length();
    Codec<std::vector<E>>::encode(v, buf_, element_oid);
    buf_.end_length(at);
  }
  template <class E>
  void array_field(const std::optional<std::vector<E>>& v, Oid element_oid) {
    if (v)
      array_field(*v, element_oid);
    else
      field(v);  // NULL
  }
  template <class... F>
  void row(const F&... fields) {
    begin_row(static_cast<int16_t>(sizeof...(F)));
    (put_field(buf_, fields), ...);
  }
  void trailer() { buf_.put_i16(-1); }
  Buffer& buffer() { return buf_; }

 private:
  Buffer buf_;
};

class CopyWriter {
 public:
  // Runs `copy_sql` (a COPY ... FROM STDIN (FORMAT binary)) and writes the header. Throws Error.
  CopyWriter(Connection& conn, const std::string& copy_sql, size_t buffer_bytes = size_t{1} << 20);
  // An unfinished COPY is aborted (nothing of it is kept).
  ~CopyWriter();
  CopyWriter(const CopyWriter&) = delete;
  CopyWriter& operator=(const CopyWriter&) = delete;

  template <class... F>
  void row(const F&... fields) {
    enc_.row(fields...);
    end_row();
  }
  // The same, a field at a time: begin_row(n), n calls of field()/array_field(), end_row().
  void begin_row(int16_t fields) { enc_.begin_row(fields); }
  template <class T>
  void field(const T& v) {
    enc_.field(v);
  }
  template <class E>
  void array_field(const std::vector<E>& v, Oid element_oid) {
    enc_.array_field(v, element_oid);
  }
  template <class E>
  void array_field(const std::optional<std::vector<E>>& v, Oid element_oid) {
    enc_.array_field(v, element_oid);
  }
  void end_row() {
    ++rows_;
    if (enc_.buffer().size() >= limit_) flush();
  }

  // Sends the trailer and ends the COPY; returns the rows the server copied. Throws Error (the server's, e.g. a
  // constraint violation or a value of the wrong type, naming the row it failed on).
  int64_t finish();
  // Abandons the COPY; the server keeps nothing of it.
  void abort(const std::string& reason = "aborted by the program");

 private:
  void flush();
  Error copy_error(std::string_view context);

  Connection& conn_;
  CopyEncoder enc_;
  size_t limit_;
  int64_t rows_ = 0;
  bool active_ = false;
};

}  // namespace schemac::db

#include "schemac/result.hpp"

#include <cstdlib>

namespace schemac::db {

int64_t Result::affected() const {
  const char* n = res_ ? PQcmdTuples(res_.get()) : "";
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}

std::string Result::column_name(int col) const {
  check_column(col);
  const char* n = PQfname(res_.get(), col);
  return n ? n : "";
}

int Result::column(std::string_view name) const {
  for (int c = 0; c < columns(); ++c)
    if (name == PQfname(res_.get(), c)) return c;
  throw Error("the result has no column \"" + std::string(name) + "\"");
}

void Result::check_column(int col) const {
  if (col < 0 || col >= columns())
    throw Error("column " + std::to_string(col) + " is out of range (the result has " + std::to_string(columns()) + ")");
}

void Result::check(int row, int col) const {
  check_column(col);
  if (row < 0 || row >= rows())
    throw Error("row " + std::to_string(row) + " is out of range (the result has " + std::to_string(rows()) + ")");
}

void Result::null_error(int row, int col) const {
  throw Error("column \"" + std::string(PQfname(res_.get(), col)) + "\" is NULL in row " + std::to_string(row) +
              ": read it as std::optional");
}

void Result::type_error(int col, Oid wanted) const {
  throw Error("column \"" + std::string(PQfname(res_.get(), col)) + "\" has type OID " +
              std::to_string(PQftype(res_.get(), col)) + ", which the C++ type read (for OID " + std::to_string(wanted) +
              ") cannot decode");
}

void Result::format_error(int col) const {
  throw Error("column \"" + std::string(PQfname(res_.get(), col)) + "\" came in text format; the runtime reads binary");
}

void Result::decode_error(int col, const CodecError& e) const {
  throw Error("column \"" + std::string(PQfname(res_.get(), col)) + "\": " + e.what());
}

}  // namespace schemac::db

#pragma once
// A query's result in the binary format, read by type: get<T>(row, col) decodes through Codec<T>, checks that the
// column's type is one T may be read from, and refuses NULL unless T is std::optional.
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "schemac/codec.hpp"
#include "schemac/error.hpp"

namespace schemac::db {

class Result {
 public:
  Result() = default;
  explicit Result(PGresult* res) : res_(res) {}

  int rows() const { return res_ ? PQntuples(res_.get()) : 0; }
  int columns() const { return res_ ? PQnfields(res_.get()) : 0; }
  bool empty() const { return rows() == 0; }
  // Rows an INSERT/UPDATE/DELETE/COPY touched (PQcmdTuples); 0 for other statements.
  int64_t affected() const;
  Oid column_type(int col) const {
    check_column(col);
    return PQftype(res_.get(), col);
  }
  std::string column_name(int col) const;
  // The column's index; throws Error when there is none of that name.
  int column(std::string_view name) const;
  bool is_null(int row, int col) const {
    check(row, col);
    return PQgetisnull(res_.get(), row, col) != 0;
  }

  template <class T>
  T get(int row, int col) const {
    check(row, col);
    using N = Nullable<T>;
    using V = typename N::value_type;
    if (PQgetisnull(res_.get(), row, col)) {
      if constexpr (N::nullable)
        return std::nullopt;
      else
        null_error(row, col);
    }
    if (!Codec<V>::accepts(PQftype(res_.get(), col))) type_error(col, Codec<V>::oid);
    if (PQfformat(res_.get(), col) != 1) format_error(col);
    try {
      return T(Codec<V>::decode(PQgetvalue(res_.get(), row, col), PQgetlength(res_.get(), row, col)));
    } catch (const CodecError& e) {
      decode_error(col, e);
    }
  }
  template <class T>
  T get(int row, std::string_view col) const {
    return get<T>(row, column(col));
  }

  PGresult* native() const { return res_.get(); }

 private:
  void check_column(int col) const;
  void check(int row, int col) const;
  [[noreturn]] void null_error(int row, int col) const;
  [[noreturn]] void type_error(int col, Oid wanted) const;
  [[noreturn]] void format_error(int col) const;
  [[noreturn]] void decode_error(int col, const CodecError& e) const;

  struct Clear {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  std::unique_ptr<PGresult, Clear> res_;
};

}  // namespace schemac::db

#include "peer.hpp"

#include <pqxx/pqxx>

namespace bench::peer {

struct Pqxx::Impl {
  pqxx::connection conn;
  explicit Impl(const std::string& url) : conn(url) {}
};

Pqxx::Pqxx(const std::string& url) : impl_(std::make_unique<Impl>(url)) {}
Pqxx::~Pqxx() = default;

int64_t Pqxx::stream_to(const std::vector<TextRow>& rows) {
  static const std::vector<std::string> columns = {"timestamp", "symbol_id", "bid_price",
                                                   "bid_qty",   "ask_price", "ask_qty"};
  pqxx::work tx(impl_->conn);
  pqxx::stream_to stream(tx, "book_ticker_snapshots", columns);
  for (const TextRow& row : rows) stream << row;
  stream.complete();
  tx.commit();
  return static_cast<int64_t>(rows.size());
}

}  // namespace bench::peer

#pragma once
// libpqxx, the peer: its stream_to (text COPY). Only this benchmark links libpqxx.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ticks.hpp"

namespace bench::peer {

class Pqxx {
 public:
  explicit Pqxx(const std::string& url);
  ~Pqxx();
  // stream_to inside a transaction (libpqxx's only way to it), committed. Returns the rows written.
  int64_t stream_to(const std::vector<TextRow>& rows);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bench::peer

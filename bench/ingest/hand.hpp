#pragma once
// The hand-written libpq references: what a careful engineer writes without schemac, straight on PGconn.
#include <libpq-fe.h>

#include <cstdint>
#include <vector>

#include "ticks.hpp"

namespace bench::hand {

// Binary COPY of every tick, 1 MiB buffers handed to PQputCopyData. Returns the rows the server copied.
int64_t copy_binary(PGconn* conn, const std::vector<Tick>& ticks);

// One prepared INSERT per tick, each its own round trip (PQexecPrepared, binary parameters). Each its own
// transaction (autocommit, as performance.md's baseline measured it), or all inside one when `one_transaction`,
// which leaves only the round trips to measure.
int64_t insert_one_by_one(PGconn* conn, const std::vector<Tick>& ticks, bool one_transaction);

// The same INSERTs in libpq pipeline mode, a sync (and a wait for its results) every `sync_every` rows, inside
// one transaction: what insert_many does, written by hand, to show the runtime's own cost.
int64_t insert_pipelined(PGconn* conn, const std::vector<Tick>& ticks, int sync_every);

// The latest snapshot of a symbol as a prepared statement with a binary parameter and binary results, decoded
// into a Tick.
class LatestQuery {
 public:
  explicit LatestQuery(PGconn* conn);
  // False when the symbol has no row. Throws std::runtime_error on a failed query.
  bool run(int32_t symbol_id, Tick& out);

 private:
  PGconn* conn_;
};

}  // namespace bench::hand

#pragma once
// libpq pipeline mode: many statements sent without waiting for each answer, read back in order after a sync.
// It is what makes a batch of small INSERTs cost about one round trip per `sync_every` statements instead of one
// each (insert_many in generated code).
//
//   schemac::db::Pipeline p(conn);
//   for (const auto& t : ticks) p.send(insert_tick, t.ts, t.symbol_id, t.bid);
//   p.finish();   // throws the first Error; returns the rows affected
//
// Every `sync_every` statements the pipeline syncs and reads what came back, so memory stays bounded and the
// first failure stops the batch early. The statements between two syncs form one implicit transaction unless
// an explicit one is open: wrap the pipeline in a Transaction for all-or-nothing. While the pipeline is open the
// connection is non-blocking for sending, and input is consumed while output waits, so a large batch cannot
// deadlock with a server blocked on writing its results.
#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schemac/connection.hpp"

namespace schemac::db {

class Pipeline {
 public:
  explicit Pipeline(Connection& conn, int sync_every = 1000);
  // Leaves pipeline mode; an unfinished pipeline is synced and drained first (errors dropped: finish() reports
  // them, a destructor cannot).
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Queues `s` with `params` (preparing it within the pipeline on first use on this connection). Throws the
  // first Error of a segment when an automatic sync reads it.
  template <class... P>
  void send(const Statement& s, const P&... params) {
    params_.set(params...);
    send_packed(s, params_);
  }
  void send_packed(const Statement& s, const Params& params);

  // Syncs, reads every result, leaves pipeline mode. Returns the rows the statements affected; throws the first
  // Error. Statements of earlier segments stay applied unless a transaction is rolled back.
  int64_t finish();

  int64_t affected() const { return affected_; }

 private:
  struct Queued {
    uint32_t name;  // in names_: a run of sends of one statement shares one copy of its name, not one per send
    bool prepare;   // a PQsendPrepare (its failure forgets the statement) or an execution
  };
  uint32_t name_index(const std::string& name);
  void flush();
  void sync_and_read();
  void exit() noexcept;

  Connection& conn_;
  int sync_every_;
  std::vector<Queued> queued_;
  std::vector<std::string> names_;  // the statement names queued_ refers to, since the last sync
  int executions_since_sync_ = 0;
  int64_t affected_ = 0;
  bool active_ = false;
  Params params_;
};

}  // namespace schemac::db

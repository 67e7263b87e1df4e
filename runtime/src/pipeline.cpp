#include "schemac/pipeline.hpp"

#include <poll.h>

#include <cerrno>

namespace schemac::db {
namespace {
// Sends between explicit flushes: libpq sends on its own once 8 KiB are buffered, and a flush per statement would
// be a system call per row.
constexpr int kFlushEvery = 64;
}  // namespace

Pipeline::Pipeline(Connection& conn, int sync_every) : conn_(conn), sync_every_(sync_every < 1 ? 1 : sync_every) {
  PGconn* c = conn_.native();
  if (PQpipelineStatus(c) != PQ_PIPELINE_OFF) throw Error("a pipeline is already open on this connection");
  if (PQsetnonblocking(c, 1) != 0 || PQenterPipelineMode(c) != 1) {
    PQsetnonblocking(c, 0);
    throw conn_.error(nullptr, "entering pipeline mode");
  }
  active_ = true;
}

Pipeline::~Pipeline() {
  if (!active_) return;
  try {
    if (!queued_.empty()) sync_and_read();
  } catch (...) {
    // Reported by finish() when the program calls it; here there is no one to tell.
  }
  exit();
}

void Pipeline::exit() noexcept {
  PQexitPipelineMode(conn_.native());
  PQsetnonblocking(conn_.native(), 0);
  active_ = false;
}

// Sends what libpq has buffered; while the socket will not take more, reads what the server sent, so that a server
// blocked writing results to us goes on reading our statements.
void Pipeline::flush() {
  PGconn* c = conn_.native();
  int r;
  while ((r = PQflush(c)) == 1) {
    pollfd p{PQsocket(c), POLLIN | POLLOUT, 0};
    if (poll(&p, 1, -1) < 0) {
      if (errno == EINTR) continue;
      throw Error("pipeline: waiting for the connection failed");
    }
    if ((p.revents & POLLIN) && !PQconsumeInput(c)) throw conn_.error(nullptr, "pipeline: reading");
  }
  if (r < 0) throw conn_.error(nullptr, "pipeline: sending");
}

void Pipeline::send_packed(const Statement& s, const Params& p) {
  if (!active_) throw Error("pipeline: send after finish");
  PGconn* c = conn_.native();
  if (!conn_.check_prepared(s, p.types())) {
    if (!PQsendPrepare(c, s.name.c_str(), s.sql.c_str(), p.size(), p.types().data()))
      throw conn_.error(nullptr, "pipeline: preparing \"" + s.name + "\"");
    conn_.mark_prepared(s, p.types());
    queued_.push_back({name_index(s.name), true});
  }
  if (!PQsendQueryPrepared(c, s.name.c_str(), p.size(), p.values(), p.lengths(), p.formats(), 1))
    throw conn_.error(nullptr, "pipeline: sending \"" + s.name + "\"");
  queued_.push_back({name_index(s.name), false});
  ++executions_since_sync_;
  if (executions_since_sync_ % kFlushEvery == 0) flush();
  if (executions_since_sync_ >= sync_every_) sync_and_read();
}

uint32_t Pipeline::name_index(const std::string& name) {
  if (names_.empty() || names_.back() != name) names_.push_back(name);
  return static_cast<uint32_t>(names_.size() - 1);
}

void Pipeline::sync_and_read() {
  PGconn* c = conn_.native();
  executions_since_sync_ = 0;
  if (PQpipelineSync(c) != 1) throw conn_.error(nullptr, "pipeline: sync");
  flush();
  std::vector<Queued> queued;
  std::vector<std::string> names;
  queued.swap(queued_);
  names.swap(names_);
  std::optional<Error> first;
  for (const Queued& q : queued) {
    PGresult* r = PQgetResult(c);
    if (!r) throw conn_.error(nullptr, "pipeline: reading the result of \"" + names[q.name] + "\"");
    const Result result(r);
    const ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
      if (!q.prepare) affected_ += result.affected();
    } else {
      // A failed or skipped (aborted) PQsendPrepare left nothing prepared on the server.
      if (q.prepare) conn_.forget_prepared(names[q.name]);
      if (st != PGRES_PIPELINE_ABORTED && !first)
        first = conn_.error(r, std::string(q.prepare ? "preparing" : "executing") + " \"" + names[q.name] + "\" in a pipeline");
    }
    // Each statement's results end with a null result.
    while (PGresult* extra = PQgetResult(c)) PQclear(extra);
  }
  PGresult* sync = PQgetResult(c);
  const bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
  PQclear(sync);
  // The next segment reuses this one's memory instead of growing its vectors from nothing again.
  queued.clear(), names.clear();
  queued_.swap(queued), names_.swap(names);
  if (first) throw *first;
  if (!synced) throw conn_.error(nullptr, "pipeline: expected the end of a sync");
}

int64_t Pipeline::finish() {
  if (active_) {
    struct Exit {
      Pipeline& p;
      ~Exit() { p.exit(); }
    } leave{*this};
    if (!queued_.empty()) sync_and_read();
  }
  return affected_;
}

}  // namespace schemac::db

#include "hand.hpp"

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

namespace bench::hand {
namespace {

constexpr int64_t kPgEpochUnixMicros = 946'684'800'000'000;
constexpr uint32_t kOidTimestamptz = 1184, kOidInt4 = 23, kOidNumeric = 1700;
constexpr char kInsertSql[] =
    "INSERT INTO public.book_ticker_snapshots (\"timestamp\", symbol_id, bid_price, bid_qty, ask_price, ask_qty) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr char kLatestSql[] =
    "SELECT \"timestamp\", symbol_id, bid_price, bid_qty, ask_price, ask_qty FROM public.book_ticker_snapshots "
    "WHERE symbol_id = $1 ORDER BY \"timestamp\" DESC LIMIT 1";

[[noreturn]] void fail(PGconn* conn, const char* what) {
  throw std::runtime_error(std::string(what) + ": " + PQerrorMessage(conn));
}

void exec_ok(PGconn* conn, const char* sql) {
  PGresult* r = PQexec(conn, sql);
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) fail(conn, sql);
}

char* put16(char* p, uint16_t v) {
  p[0] = static_cast<char>(v >> 8);
  p[1] = static_cast<char>(v);
  return p + 2;
}
char* put32(char* p, uint32_t v) {
  p[0] = static_cast<char>(v >> 24);
  p[1] = static_cast<char>(v >> 16);
  p[2] = static_cast<char>(v >> 8);
  p[3] = static_cast<char>(v);
  return p + 4;
}
char* put64(char* p, uint64_t v) { return put32(put32(p, static_cast<uint32_t>(v >> 32)), static_cast<uint32_t>(v)); }

uint32_t get32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}
uint16_t get16(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint16_t>((u[0] << 8) | u[1]);
}
uint64_t get64(const char* p) { return (uint64_t{get32(p)} << 32) | get32(p + 4); }

// numeric_send's layout for a value scaled by 10^8, dscale 8: base-10000 groups, weight of the first, no leading
// or trailing zero groups. Returns the bytes written (at most 8 + 2 * 7).
size_t encode_numeric_e8(char* out, int64_t v) {
  const uint16_t sign = v < 0 ? 0x4000 : 0x0000;
  const uint64_t mag = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  uint64_t int_part = mag / static_cast<uint64_t>(kScale);
  const uint64_t frac = mag % static_cast<uint64_t>(kScale);
  uint16_t groups[8];
  int int_groups = 0;
  uint16_t reversed[5];
  while (int_part != 0) {
    reversed[int_groups++] = static_cast<uint16_t>(int_part % 10000);
    int_part /= 10000;
  }
  int n = 0;
  for (int i = int_groups - 1; i >= 0; --i) groups[n++] = reversed[i];
  groups[n++] = static_cast<uint16_t>(frac / 10000);
  groups[n++] = static_cast<uint16_t>(frac % 10000);
  int first = 0, weight = int_groups - 1;
  while (first < n && groups[first] == 0) ++first, --weight;
  while (n > first && groups[n - 1] == 0) --n;
  const int ndigits = n - first;
  char* p = out;
  p = put16(p, static_cast<uint16_t>(ndigits));
  p = put16(p, static_cast<uint16_t>(ndigits == 0 ? 0 : weight));
  p = put16(p, ndigits == 0 ? 0 : sign);
  p = put16(p, 8);
  for (int i = first; i < n; ++i) p = put16(p, groups[i]);
  return static_cast<size_t>(p - out);
}

// The inverse for a numeric(20,8) value: every group's power of ten is at least 10^-8, so the sum is exact.
int64_t decode_numeric_e8(const char* d, int len) {
  if (len < 8) throw std::runtime_error("numeric value too short");
  const int ndigits = get16(d);
  const int weight = static_cast<int16_t>(get16(d + 2));
  const uint16_t sign = get16(d + 4);
  if (len != 8 + 2 * ndigits || (sign != 0 && sign != 0x4000)) throw std::runtime_error("unexpected numeric value");
  static constexpr int64_t pow10[] = {1, 10'000, 100'000'000, 1'000'000'000'000, 10'000'000'000'000'000};
  int64_t v = 0;
  for (int i = 0; i < ndigits; ++i) {
    const int e = weight - i + 2;  // the group's power of 10,000, relative to 10^-8
    if (e < 0 || e > 4) throw std::runtime_error("numeric value beyond numeric(20,8)");
    v += int64_t{get16(d + 8 + 2 * i)} * pow10[e];
  }
  return sign == 0x4000 ? -v : v;
}

// One COPY row: field count, then each field as length and bytes.
char* encode_row(char* p, const Tick& t) {
  p = put16(p, 6);
  p = put32(p, 8);
  p = put64(p, static_cast<uint64_t>(t.unix_micros - kPgEpochUnixMicros));
  p = put32(p, 4);
  p = put32(p, static_cast<uint32_t>(t.symbol_id));
  for (int64_t v : {t.bid_price, t.bid_qty, t.ask_price, t.ask_qty}) {
    const size_t n = encode_numeric_e8(p + 4, v);
    put32(p, static_cast<uint32_t>(n));
    p += 4 + n;
  }
  return p;
}

constexpr size_t kBufferBytes = size_t{1} << 20;
constexpr size_t kMaxRowBytes = 2 + 12 + 8 + 4 * (4 + 8 + 2 * 7);

void put_copy(PGconn* conn, const char* data, size_t n) {
  if (PQputCopyData(conn, data, static_cast<int>(n)) != 1) fail(conn, "PQputCopyData");
}

}  // namespace

int64_t copy_binary(PGconn* conn, const std::vector<Tick>& ticks) {
  PGresult* r = PQexec(conn,
                       "COPY public.book_ticker_snapshots (\"timestamp\", symbol_id, bid_price, bid_qty, ask_price, "
                       "ask_qty) FROM STDIN (FORMAT binary)");
  const bool started = PQresultStatus(r) == PGRES_COPY_IN;
  PQclear(r);
  if (!started) fail(conn, "COPY");
  const std::unique_ptr<char[]> buf(new char[kBufferBytes + kMaxRowBytes]);
  static constexpr char header[19] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0'};  // + 2 zero int32
  std::memcpy(buf.get(), header, sizeof header);
  char* p = buf.get() + sizeof header;
  for (const Tick& t : ticks) {
    p = encode_row(p, t);
    if (static_cast<size_t>(p - buf.get()) >= kBufferBytes) {
      put_copy(conn, buf.get(), static_cast<size_t>(p - buf.get()));
      p = buf.get();
    }
  }
  p = put16(p, 0xFFFF);
  put_copy(conn, buf.get(), static_cast<size_t>(p - buf.get()));
  if (PQputCopyEnd(conn, nullptr) != 1) fail(conn, "PQputCopyEnd");
  int64_t copied = -1;
  std::string error;
  while (PGresult* res = PQgetResult(conn)) {
    if (PQresultStatus(res) == PGRES_COMMAND_OK)
      copied = std::stoll(PQcmdTuples(res));
    else
      error = PQresultErrorMessage(res);
    PQclear(res);
  }
  if (!error.empty()) throw std::runtime_error("COPY: " + error);
  return copied;
}

namespace {

void prepare_insert(PGconn* conn) {
  static constexpr Oid types[6] = {kOidTimestamptz, kOidInt4, kOidNumeric, kOidNumeric, kOidNumeric, kOidNumeric};
  PGresult* prep = PQprepare(conn, "hand_insert", kInsertSql, 6, types);
  const ExecStatusType st = PQresultStatus(prep);
  const char* state = PQresultErrorField(prep, PG_DIAG_SQLSTATE);
  const bool already = state && std::string(state) == "42P05";  // prepared by an earlier run on this connection
  PQclear(prep);
  if (st != PGRES_COMMAND_OK && !already) fail(conn, "PREPARE hand_insert");
}

// One row's parameters, encoded into `bytes` (which the value pointers point into).
struct InsertParams {
  char bytes[8 + 4 + 4 * 22];
  const char* values[6];
  int lengths[6];
  static constexpr int formats[6] = {1, 1, 1, 1, 1, 1};

  void set(const Tick& t) {
    char* p = bytes;
    values[0] = p, lengths[0] = 8, p = put64(p, static_cast<uint64_t>(t.unix_micros - kPgEpochUnixMicros));
    values[1] = p, lengths[1] = 4, p = put32(p, static_cast<uint32_t>(t.symbol_id));
    int i = 2;
    for (int64_t v : {t.bid_price, t.bid_qty, t.ask_price, t.ask_qty}) {
      const size_t n = encode_numeric_e8(p, v);
      values[i] = p, lengths[i] = static_cast<int>(n), p += n, ++i;
    }
  }
};

// Reads the results of `n` queued INSERTs and the sync after them.
void read_segment(PGconn* conn, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    PGresult* r = PQgetResult(conn);
    const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) fail(conn, "pipelined INSERT");
    PQclear(PQgetResult(conn));  // the null result that ends each statement's results
  }
  PGresult* sync = PQgetResult(conn);
  const bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
  PQclear(sync);
  if (!synced) fail(conn, "pipeline sync");
}

}  // namespace

int64_t insert_one_by_one(PGconn* conn, const std::vector<Tick>& ticks, bool one_transaction) {
  prepare_insert(conn);
  if (one_transaction) exec_ok(conn, "BEGIN");
  InsertParams params;
  int64_t inserted = 0;
  for (const Tick& t : ticks) {
    params.set(t);
    PGresult* r = PQexecPrepared(conn, "hand_insert", 6, params.values, params.lengths, params.formats, 1);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) fail(conn, "INSERT");
    ++inserted;
  }
  if (one_transaction) exec_ok(conn, "COMMIT");
  return inserted;
}

// Blocking mode is safe here: a segment's results (about 30 bytes per INSERT) fit the socket buffers, so the
// server never blocks writing them while we are still sending.
int64_t insert_pipelined(PGconn* conn, const std::vector<Tick>& ticks, int sync_every) {
  prepare_insert(conn);
  exec_ok(conn, "BEGIN");
  if (PQenterPipelineMode(conn) != 1) fail(conn, "entering pipeline mode");
  InsertParams params;
  size_t queued = 0;
  for (const Tick& t : ticks) {
    params.set(t);
    if (!PQsendQueryPrepared(conn, "hand_insert", 6, params.values, params.lengths, params.formats, 1))
      fail(conn, "sending INSERT");
    if (++queued == static_cast<size_t>(sync_every)) {
      if (PQpipelineSync(conn) != 1) fail(conn, "pipeline sync");
      read_segment(conn, queued);
      queued = 0;
    }
  }
  if (queued != 0) {
    if (PQpipelineSync(conn) != 1) fail(conn, "pipeline sync");
    read_segment(conn, queued);
  }
  if (PQexitPipelineMode(conn) != 1) fail(conn, "leaving pipeline mode");
  exec_ok(conn, "COMMIT");
  return static_cast<int64_t>(ticks.size());
}

LatestQuery::LatestQuery(PGconn* conn) : conn_(conn) {
  static constexpr Oid types[1] = {kOidInt4};
  PGresult* r = PQprepare(conn_, "hand_latest", kLatestSql, 1, types);
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) fail(conn_, "PREPARE hand_latest");
}

bool LatestQuery::run(int32_t symbol_id, Tick& out) {
  char param[4];
  put32(param, static_cast<uint32_t>(symbol_id));
  const char* values[1] = {param};
  static constexpr int lengths[1] = {4}, formats[1] = {1};
  PGresult* r = PQexecPrepared(conn_, "hand_latest", 1, values, lengths, formats, 1);
  struct Clear {
    PGresult* r;
    ~Clear() { PQclear(r); }
  } clear{r};
  if (PQresultStatus(r) != PGRES_TUPLES_OK) fail(conn_, "latest");
  if (PQntuples(r) == 0) return false;
  if (PQnfields(r) != 6 || PQgetlength(r, 0, 0) != 8 || PQgetlength(r, 0, 1) != 4 || PQgetisnull(r, 0, 2) ||
      PQgetisnull(r, 0, 3) || PQgetisnull(r, 0, 4) || PQgetisnull(r, 0, 5))
    throw std::runtime_error("latest: unexpected row shape");
  out.unix_micros = static_cast<int64_t>(get64(PQgetvalue(r, 0, 0))) + kPgEpochUnixMicros;
  out.symbol_id = static_cast<int32_t>(get32(PQgetvalue(r, 0, 1)));
  int64_t* prices[4] = {&out.bid_price, &out.bid_qty, &out.ask_price, &out.ask_qty};
  for (int c = 2; c < 6; ++c) *prices[c - 2] = decode_numeric_e8(PQgetvalue(r, 0, c), PQgetlength(r, 0, c));
  return true;
}

}  // namespace bench::hand

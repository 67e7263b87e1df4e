// Ingest and point-query benchmark (issue 11): schemac's generated copy_into, insert_many and latest_for_symbol
// against hand-written libpq and libpqxx, on the same rows, tables and server, in one run. bench/ingest_bench.sh
// builds and runs it; see there for the command line. Prints one Markdown table.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "book_ticker_snapshots.hpp"
#include "hand.hpp"
#include "peer.hpp"
#include "schemac/redact.hpp"
#include "ticks.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace tbl = gen::book_ticker_snapshots;

struct Options {
  std::string url;
  size_t rows = 1'000'000;
  size_t insert_rows = 50'000;
  int runs = 5;
  int queries = 100'000;
  int symbols = 20;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "ingest_bench: %s\nusage: schemac_ingest_bench --db URL [--rows N] [--insert-rows N] [--runs N] "
               "[--queries N] [--symbols N]\n",
               why);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage(("missing value for " + a).c_str());
    const char* v = argv[++i];
    if (a == "--db")
      o.url = v;
    else if (a == "--rows")
      o.rows = std::stoull(v);
    else if (a == "--insert-rows")
      o.insert_rows = std::stoull(v);
    else if (a == "--runs")
      o.runs = std::stoi(v);
    else if (a == "--queries")
      o.queries = std::stoi(v);
    else if (a == "--symbols")
      o.symbols = std::stoi(v);
    else
      usage(("unknown option " + a).c_str());
  }
  if (o.url.empty()) usage("no --db URL");
  if (o.rows < 1 || o.insert_rows < 1 || o.runs < 1 || o.queries < 100 || o.symbols < 1)
    usage("--rows, --insert-rows, --runs, --symbols must be positive, --queries at least 100");
  return o;
}

// The first row of a query in text, fields joined by '|': for checksums and settings.
std::string query_text(PGconn* conn, const char* sql) {
  PGresult* r = PQexec(conn, sql);
  std::string out;
  const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0;
  if (ok)
    for (int c = 0; c < PQnfields(r); ++c) out += (c ? "|" : "") + std::string(PQgetvalue(r, 0, c));
  const std::string error = PQresultErrorMessage(r);
  PQclear(r);
  if (!ok) throw std::runtime_error(std::string(sql) + ": " + error);
  return out;
}

// The table as the schema declares its columns, without its key, index, checks and foreign key: the
// un-indexed table the ingest targets are defined on. Autovacuum stays off so it never runs during a load.
void create_table(schemac::db::Connection& conn) {
  conn.execute(
      "DROP TABLE IF EXISTS public.book_ticker_snapshots;"
      "CREATE TABLE public.book_ticker_snapshots (\"timestamp\" timestamptz NOT NULL, symbol_id int NOT NULL,"
      " bid_price numeric(20,8) NOT NULL, bid_qty numeric(20,8) NOT NULL, ask_price numeric(20,8) NOT NULL,"
      " ask_qty numeric(20,8) NOT NULL) WITH (autovacuum_enabled = off)");
}

// Empties the table and writes out dirty pages, so that no run pays for an earlier run's checkpoint.
void reset_table(schemac::db::Connection& conn) {
  conn.execute("TRUNCATE public.book_ticker_snapshots");
  conn.execute("CHECKPOINT");
}

const char* kChecksumSql =
    "SELECT count(*), sum(symbol_id), sum(bid_price), sum(bid_qty), sum(ask_price), sum(ask_qty),"
    " sum(extract(epoch FROM \"timestamp\")) FROM public.book_ticker_snapshots";

struct Contender {
  Contender(std::string n, size_t r, std::function<int64_t()> f) : name(std::move(n)), rows(r), run(std::move(f)) {}
  std::string name;
  size_t rows;
  std::function<int64_t()> run;
  std::vector<double> seconds;
  std::string checksum;
  std::vector<double> cpu_seconds;  // this process's, so the client's own cost, whatever the server takes

  double rate() const { return static_cast<double>(rows) / median(seconds); }
  double cpu_ns_per_row() const { return median(cpu_seconds) * 1e9 / static_cast<double>(rows); }
  static double median(std::vector<double> s) {
    std::sort(s.begin(), s.end());
    const size_t n = s.size();
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
};

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Every contender once per round, the order rotated each round so none is always first after a checkpoint.
// The first run of each also checks what it wrote against the others of the same row count.
void run_rounds(schemac::db::Connection& conn, std::vector<Contender*>& cs, int runs) {
  for (int r = 0; r < runs; ++r) {
    for (size_t k = 0; k < cs.size(); ++k) {
      Contender& c = *cs[(k + static_cast<size_t>(r)) % cs.size()];
      reset_table(conn);
      const double cpu0 = process_cpu_seconds();
      const auto t0 = Clock::now();
      const int64_t n = c.run();
      const auto t1 = Clock::now();
      c.cpu_seconds.push_back(process_cpu_seconds() - cpu0);
      if (n != static_cast<int64_t>(c.rows))
        throw std::runtime_error(c.name + " wrote " + std::to_string(n) + " rows of " + std::to_string(c.rows));
      c.seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
      if (c.checksum.empty()) c.checksum = query_text(conn.native(), kChecksumSql);
    }
  }
  for (const Contender* a : cs)
    for (const Contender* b : cs)
      if (a->rows == b->rows && a->checksum != b->checksum)
        throw std::runtime_error(a->name + " and " + b->name + " wrote different rows: " + a->checksum + " vs " +
                                 b->checksum);
}

struct Latency {
  double p50_us, p99_us;
  double cpu_us = 0;  // the client's CPU time per call
};

Latency percentiles(std::vector<double> ns) {
  auto at = [&](double q) {
    const size_t i = std::min(ns.size() - 1, static_cast<size_t>(q * static_cast<double>(ns.size())));
    std::nth_element(ns.begin(), ns.begin() + static_cast<std::ptrdiff_t>(i), ns.end());
    return ns[i] / 1000.0;
  };
  return {at(0.50), at(0.99)};
}

// The hand-written query's row and the generated one's must agree, or the two are not measuring the same thing.
void check_same_latest(schemac::db::Connection& conn, bench::hand::LatestQuery& hand, int symbols) {
  for (int32_t s = 1; s <= symbols; ++s) {
    bench::Tick t{};
    const bool found = hand.run(s, t);
    const std::optional<tbl::Row> row = tbl::latest_for_symbol(conn, s);
    const bool same = found == row.has_value() &&
                      (!found || (row->timestamp.time_since_epoch().count() == t.unix_micros &&
                                  row->symbol_id == t.symbol_id &&
                                  row->bid_price.to_string() == bench::format_e8(t.bid_price) &&
                                  row->bid_qty.to_string() == bench::format_e8(t.bid_qty) &&
                                  row->ask_price.to_string() == bench::format_e8(t.ask_price) &&
                                  row->ask_qty.to_string() == bench::format_e8(t.ask_qty)));
    if (!same) throw std::runtime_error("latest row of symbol " + std::to_string(s) + " differs between contenders");
  }
}

// p50/p99 of `queries` calls each, in alternating blocks of 1,000 so that drift in the machine's load hits both.
std::pair<Latency, Latency> point_queries(schemac::db::Connection& conn, const Options& o) {
  bench::hand::LatestQuery hand(conn.native());
  check_same_latest(conn, hand, o.symbols);
  std::vector<int32_t> symbols(static_cast<size_t>(o.queries));
  uint64_t x = 88172645463325252ULL;  // xorshift64: the same symbol sequence for both
  for (int32_t& s : symbols) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    s = static_cast<int32_t>(x % static_cast<uint64_t>(o.symbols)) + 1;
  }
  std::vector<double> gen_ns, hand_ns;
  gen_ns.reserve(symbols.size()), hand_ns.reserve(symbols.size());
  int64_t gen_sum = 0, hand_sum = 0;
  double gen_cpu = 0, hand_cpu = 0;
  auto gen_block = [&](size_t from, size_t to, bool record) {
    const double cpu0 = process_cpu_seconds();
    for (size_t i = from; i < to; ++i) {
      const auto t0 = Clock::now();
      const std::optional<tbl::Row> row = tbl::latest_for_symbol(conn, symbols[i]);
      const auto t1 = Clock::now();
      gen_sum += row ? row->symbol_id : -1;
      if (record) gen_ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    }
    if (record) gen_cpu += process_cpu_seconds() - cpu0;
  };
  auto hand_block = [&](size_t from, size_t to, bool record) {
    bench::Tick t{};
    const double cpu0 = process_cpu_seconds();
    for (size_t i = from; i < to; ++i) {
      const auto t0 = Clock::now();
      const bool found = hand.run(symbols[i], t);
      const auto t1 = Clock::now();
      hand_sum += found ? t.symbol_id : -1;
      if (record) hand_ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    }
    if (record) hand_cpu += process_cpu_seconds() - cpu0;
  };
  const size_t warm = std::min<size_t>(1000, symbols.size());
  gen_block(0, warm, false), hand_block(0, warm, false);
  gen_sum = hand_sum = 0;
  constexpr size_t kBlock = 1000;
  for (size_t from = 0, b = 0; from < symbols.size(); from += kBlock, ++b) {
    const size_t to = std::min(symbols.size(), from + kBlock);
    if (b % 2 == 0)
      gen_block(from, to, true), hand_block(from, to, true);
    else
      hand_block(from, to, true), gen_block(from, to, true);
  }
  if (gen_sum != hand_sum) throw std::runtime_error("the point queries found different rows");
  Latency gen = percentiles(gen_ns), hand_latency = percentiles(hand_ns);
  gen.cpu_us = gen_cpu * 1e6 / static_cast<double>(symbols.size());
  hand_latency.cpu_us = hand_cpu * 1e6 / static_cast<double>(symbols.size());
  return {gen, hand_latency};
}

std::string grouped(double v) {
  std::string digits = std::to_string(static_cast<long long>(v + 0.5)), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void table_row(const std::string& what, const std::string& figure, const std::string& reference,
               const std::string& ref_figure, double ratio, const std::string& target, bool met) {
  std::printf("| %s | %s | %s | %s | %sx | %s | %s |\n", what.c_str(), figure.c_str(), reference.c_str(),
              ref_figure.c_str(), fixed(ratio, 2).c_str(), target.c_str(), met ? "met" : "MISSED");
}

int run(const Options& o) {
  schemac::db::Connection conn(o.url);
  conn.execute("SET client_min_messages = warning");
  const std::string version = query_text(conn.native(), "SHOW server_version");
  create_table(conn);
  bench::peer::Pqxx pqxx(o.url);

  const std::vector<bench::Tick> ticks = bench::make_ticks(o.rows, o.symbols);
  const std::vector<bench::Insert> inserts = bench::to_inserts(ticks);
  const std::vector<bench::TextRow> text_rows = bench::to_text_rows(ticks);
  const size_t m = std::min(o.insert_rows, o.rows);
  const std::vector<bench::Tick> few_ticks(ticks.begin(), ticks.begin() + static_cast<std::ptrdiff_t>(m));
  const std::vector<bench::Insert> few_inserts(inserts.begin(), inserts.begin() + static_cast<std::ptrdiff_t>(m));

  Contender copy_into{"copy_into", o.rows, [&] { return tbl::copy_into(conn, inserts); }};
  Contender hand_copy{"hand COPY", o.rows, [&] { return bench::hand::copy_binary(conn.native(), ticks); }};
  Contender stream_to{"stream_to", o.rows, [&] { return pqxx.stream_to(text_rows); }};
  Contender insert_many{"insert_many", m, [&] { return tbl::insert_many(conn, few_inserts); }};
  Contender hand_pipeline{"hand libpq pipeline", m,
                           [&] { return bench::hand::insert_pipelined(conn.native(), few_ticks, 1000); }};
  Contender one_by_one{"one-row INSERT", m,
                       [&] { return bench::hand::insert_one_by_one(conn.native(), few_ticks, false); }};
  Contender one_by_one_tx{"one-row INSERT, one transaction", m,
                          [&] { return bench::hand::insert_one_by_one(conn.native(), few_ticks, true); }};
  std::vector<Contender*> all = {&copy_into, &hand_copy, &stream_to, &insert_many, &hand_pipeline, &one_by_one, &one_by_one_tx};
  run_rounds(conn, all, o.runs);

  // The point query reads a loaded table through the schema's index on (symbol_id, timestamp desc).
  reset_table(conn);
  tbl::copy_into(conn, inserts);
  conn.execute("CREATE INDEX ON public.book_ticker_snapshots (symbol_id, \"timestamp\" DESC)");
  conn.execute("VACUUM ANALYZE public.book_ticker_snapshots");
  const auto [gen_q, hand_q] = point_queries(conn, o);

  std::printf("PostgreSQL %s at %s; %s rows (COPY), %s rows (INSERT paths), %d symbols; median of %d runs, "
              "table truncated and checkpointed before each; %s point queries each.\n\n",
              version.c_str(), conn.display_url().c_str(), grouped(static_cast<double>(o.rows)).c_str(),
              grouped(static_cast<double>(m)).c_str(), o.symbols, o.runs, grouped(o.queries).c_str());
  std::printf("| schemac (generated) | figure | reference | figure | ratio | target | result |\n");
  std::printf("|---|---:|---|---:|---:|---|---|\n");
  const auto rate = [](const Contender& c) { return grouped(c.rate()) + " rows/s"; };
  double ratio = copy_into.rate() / hand_copy.rate();
  table_row("copy_into, un-indexed", rate(copy_into), "hand-written libpq binary COPY, 1 MiB buffers",
            rate(hand_copy), ratio, ">= 0.95x", ratio >= 0.95);
  ratio = copy_into.rate() / stream_to.rate();
  table_row("copy_into, un-indexed", rate(copy_into), "libpqxx 6.4 stream_to (text COPY)", rate(stream_to), ratio,
            ">= 2x", ratio >= 2.0);
  ratio = insert_many.rate() / one_by_one.rate();
  table_row("insert_many (pipeline, sync every 1,000)", rate(insert_many),
            "prepared INSERT, one round trip per row, autocommit", rate(one_by_one), ratio, ">= 10x", ratio >= 10.0);
  // No target: the same INSERTs without a commit each (how much of the gap is round trips alone), and the
  // pipeline written by hand (what the runtime itself costs).
  const auto untargeted = [&](const std::string& reference, const Contender& c) {
    std::printf("| insert_many (pipeline, sync every 1,000) | %s | %s | %s | %sx | (none) | |\n",
                rate(insert_many).c_str(), reference.c_str(), rate(c).c_str(),
                fixed(insert_many.rate() / c.rate(), 2).c_str());
  };
  untargeted("prepared INSERT, one round trip per row, all in one transaction", one_by_one_tx);
  untargeted("hand-written libpq pipeline mode, sync every 1,000, one transaction", hand_pipeline);
  ratio = gen_q.p50_us / hand_q.p50_us;
  table_row("latest_for_symbol p50", fixed(gen_q.p50_us, 1) + " us", "hand-written libpq prepared binary query p50",
            fixed(hand_q.p50_us, 1) + " us", ratio, "<= 1.05x", ratio <= 1.05);
  ratio = gen_q.p99_us / hand_q.p99_us;
  table_row("latest_for_symbol p99", fixed(gen_q.p99_us, 1) + " us", "hand-written libpq prepared binary query p99",
            fixed(hand_q.p99_us, 1) + " us", ratio, "<= 1.05x", ratio <= 1.05);

  std::printf("\nEach run in seconds, and the client's CPU time per row (median; the server's is not in it):\n");
  for (const Contender* c : all) {
    std::printf("  %-32s", c->name.c_str());
    for (double s : c->seconds) std::printf(" %6.3f", s);
    std::printf("   client CPU %6.0f ns/row\n", c->cpu_ns_per_row());
  }
  std::printf("Client CPU time per point query (with the system calls): latest_for_symbol %.2f us, hand-written "
              "%.2f us.\n",
              gen_q.cpu_us, hand_q.cpu_us);
  conn.execute("DROP TABLE public.book_ticker_snapshots");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ingest_bench: %s\n",
                 schemac::db::redact(e.what(), schemac::db::secrets_of(o.url)).c_str());
    return 1;
  }
}

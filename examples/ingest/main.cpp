// ingest: the generated code of the top-level schema.dsl (generated/) at work on a database that schema has been
// applied to. It seeds exchanges and symbols (insert, insert_many), copies a burst of book-ticker rows in with
// binary COPY (copy_into), reads the latest row of each symbol back with the declared query latest_for_symbol,
// and prints a report. Prices and quantities are numeric(20,8), built as exact decimals from integer counts of
// 1e-8, never through a double.
//
//   ingest URL [--rows N]      N book-ticker rows (default 100000), URL anything libpq accepts
//
// The burst is the same on every run (a seeded generator; only its start time differs), so the report's lines
// other than the timing are too: the test suite (tests/live/ingest_example_test.cpp) checks them. Exit status 0
// when every symbol's latest row read back is the row written last for it and the row count matches, 1 otherwise.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "book_ticker_snapshots.hpp"
#include "exchanges.hpp"
#include "schemac/connection.hpp"
#include "schemac/decimal.hpp"
#include "symbols.hpp"

namespace {

using schemac::db::Decimal;
using schemac::db::Timestamptz;
using namespace std::chrono_literals;

constexpr int64_t kUnit = 100'000'000;  // numeric(20,8): one is 10^8 units
constexpr auto kStep = 100us;           // time between two rows of the burst
constexpr uint64_t kSeed = 20240601;

struct Options {
  std::string url;
  int64_t rows = 100'000;
};

struct ExchangeSpec {
  std::string_view enum_value, name;
  gen::market_type market;
};

// One symbol and where its simulated market starts, in units of 1e-8.
struct SymbolSpec {
  std::string_view exchange, base, quote, exchange_symbol;
  int64_t start_price, tick, lot;
};

constexpr ExchangeSpec kExchanges[] = {
    {"BINANCE_SPOT", "Binance", gen::market_type::spot},
    {"MEXC_SPOT", "MEXC", gen::market_type::spot},
    {"GATEIO_FUTURES", "Gate.io", gen::market_type::futures},
};

constexpr SymbolSpec kSymbols[] = {
    {"BINANCE_SPOT", "BTC", "USDT", "BTCUSDT", 6'423'112'000'000, 1'000'000, 1'000},
    {"BINANCE_SPOT", "ETH", "USDT", "ETHUSDT", 341'255'000'000, 1'000'000, 10'000},
    {"MEXC_SPOT", "BTC", "USDT", "BTCUSDT", 6'423'098'000'000, 1'000'000, 1'000},
    {"MEXC_SPOT", "SOL", "USDT", "SOLUSDT", 15'012'300'000, 100'000, 1'000'000},
    {"GATEIO_FUTURES", "BTC", "USDT", "BTC_USDT", 6'424'010'000'000, 10'000'000, 100'000},
    {"GATEIO_FUTURES", "ETH", "USDT", "ETH_USDT", 341'300'000'000, 1'000'000, 1'000'000},
};
constexpr size_t kSymbolCount = std::size(kSymbols);

// An exact numeric(20,8) from a count of 1e-8 units, through its digits.
Decimal from_units(int64_t units) {
  std::string frac = std::to_string(units % kUnit);
  frac.insert(0, 8 - frac.size(), '0');
  return Decimal::parse(std::to_string(units / kUnit) + "." + frac);
}

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "ingest: " << why << "\nusage: ingest URL [--rows N]\n";
  std::exit(1);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--rows") {
      if (++i == argc) usage("--rows needs a number");
      char* end = nullptr;
      o.rows = std::strtoll(argv[i], &end, 10);
      if (*end != '\0' || o.rows <= 0) usage("--rows needs a positive number");
    } else if (o.url.empty() && !a.starts_with("-")) {
      o.url = a;
    } else {
      usage("unexpected argument " + std::string(a));
    }
  }
  if (o.url.empty()) usage("the database URL is missing");
  return o;
}

// Each exchange's id, inserting those not there yet (so a second run reuses the first one's rows).
std::map<std::string_view, int32_t> seed_exchanges(schemac::db::Connection& conn, int& added) {
  std::map<std::string_view, int32_t> ids;
  for (const ExchangeSpec& e : kExchanges) {
    if (auto row = gen::exchanges::by_enum_value(conn, std::string(e.enum_value))) {
      ids[e.enum_value] = row->id;
      continue;
    }
    gen::exchanges::Insert in;
    in.enum_value = e.enum_value;
    in.exchange_name = e.name;
    in.market_type = e.market;
    ids[e.enum_value] = gen::exchanges::insert(conn, in).id;  // insert returns the row with its identity
    ++added;
  }
  return ids;
}

// Each symbol's id, in kSymbols order; the missing ones go in with one insert_many (one transaction).
std::vector<int32_t> seed_symbols(schemac::db::Connection& conn, const std::map<std::string_view, int32_t>& exchange,
                                  int& added) {
  std::vector<gen::symbols::Insert> missing;
  for (const SymbolSpec& s : kSymbols) {
    const int32_t ex = exchange.at(s.exchange);
    if (gen::symbols::by_exchange_symbol(conn, ex, std::string(s.exchange_symbol))) continue;
    gen::symbols::Insert in;
    in.exchange_id = ex;
    in.symbol_base = s.base;
    in.symbol_quote = s.quote;
    in.exchange_symbol = s.exchange_symbol;
    in.tick_size = from_units(s.tick);
    in.lot_size = from_units(s.lot);
    missing.push_back(std::move(in));
  }
  added = static_cast<int>(gen::symbols::insert_many(conn, missing));
  std::vector<int32_t> ids;
  for (const SymbolSpec& s : kSymbols)
    ids.push_back(gen::symbols::by_exchange_symbol(conn, exchange.at(s.exchange), std::string(s.exchange_symbol))->id);
  return ids;
}

// After every row already stored for these symbols, so the burst's rows are the latest ones and no key repeats.
Timestamptz burst_start(schemac::db::Connection& conn, const std::vector<int32_t>& symbols) {
  Timestamptz start = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  for (int32_t id : symbols)
    if (auto row = gen::book_ticker_snapshots::latest_for_symbol(conn, id))
      if (row->timestamp >= start) start = row->timestamp + kStep;
  return start;
}

// A random walk per symbol: row i updates symbol rng % 6 at start + i * kStep. mt19937_64's sequence is fixed
// by the standard (the distributions are not), so the burst is the same everywhere.
std::vector<gen::book_ticker_snapshots::Insert> make_burst(const std::vector<int32_t>& symbols, Timestamptz start,
                                                           int64_t rows) {
  std::mt19937_64 rng(kSeed);
  std::vector<int64_t> mid;
  for (const SymbolSpec& s : kSymbols) mid.push_back(s.start_price);
  std::vector<gen::book_ticker_snapshots::Insert> burst;
  burst.reserve(static_cast<size_t>(rows));
  for (int64_t i = 0; i < rows; ++i) {
    const size_t k = rng() % kSymbolCount;
    const SymbolSpec& s = kSymbols[k];
    mid[k] = std::max(mid[k] + (static_cast<int64_t>(rng() % 11) - 5) * s.tick, 100 * s.tick);
    gen::book_ticker_snapshots::Insert r;
    r.timestamp = start + i * kStep;
    r.symbol_id = symbols[k];
    r.bid_price = from_units(mid[k]);
    r.ask_price = from_units(mid[k] + static_cast<int64_t>(1 + rng() % 4) * s.tick);
    r.bid_qty = from_units(static_cast<int64_t>(1 + rng() % 5000) * s.lot);
    r.ask_qty = from_units(static_cast<int64_t>(1 + rng() % 5000) * s.lot);
    burst.push_back(std::move(r));
  }
  return burst;
}

// Rows stored in [from, to]: the burst's time range. No declared query counts, so this is a statement of its own,
// with parameters as every statement has them.
int64_t count_between(schemac::db::Connection& conn, Timestamptz from, Timestamptz to) {
  static const schemac::db::Statement count{
      "SELECT count(*) FROM public.book_ticker_snapshots WHERE \"timestamp\" >= $1 AND \"timestamp\" <= $2"};
  return conn.exec(count, from, to).get<int64_t>(0, 0);
}

bool same_row(const gen::book_ticker_snapshots::Row& got, const gen::book_ticker_snapshots::Insert& wrote) {
  return got.timestamp == wrote.timestamp && got.symbol_id == wrote.symbol_id && got.bid_price == wrote.bid_price &&
         got.bid_qty == wrote.bid_qty && got.ask_price == wrote.ask_price && got.ask_qty == wrote.ask_qty;
}

// For each symbol, the index of the burst's last row for it (-1: none).
std::vector<int64_t> last_rows(const std::vector<int32_t>& symbols,
                               const std::vector<gen::book_ticker_snapshots::Insert>& burst) {
  std::map<int32_t, size_t> slot;
  for (size_t k = 0; k < symbols.size(); ++k) slot[symbols[k]] = k;
  std::vector<int64_t> last(symbols.size(), -1);
  for (size_t i = 0; i < burst.size(); ++i) last[slot.at(burst[i].symbol_id)] = static_cast<int64_t>(i);
  return last;
}

// One line per symbol, the latest row as latest_for_symbol reads it, beside which row of the burst it is;
// false when one is not the row written last for its symbol.
bool report_latest(schemac::db::Connection& conn, const std::vector<int32_t>& symbols,
                   const std::vector<gen::book_ticker_snapshots::Insert>& burst) {
  const std::vector<int64_t> last = last_rows(symbols, burst);
  bool ok = true;
  std::printf("latest per symbol (query latest_for_symbol):\n");
  for (size_t k = 0; k < kSymbolCount; ++k) {
    auto got = gen::book_ticker_snapshots::latest_for_symbol(conn, symbols[k]);
    const bool match = got && last[k] >= 0 && same_row(*got, burst[static_cast<size_t>(last[k])]);
    ok = ok && match;
    const std::string exchange(kSymbols[k].exchange), symbol(kSymbols[k].exchange_symbol);
    if (!got) {
      std::printf("  %-14s %-8s  no row\n", exchange.c_str(), symbol.c_str());
      continue;
    }
    const int64_t row = (got->timestamp - burst.front().timestamp) / kStep;
    std::printf("  %-14s %-8s  row %-7lld bid %s x %s  ask %s x %s%s\n", exchange.c_str(), symbol.c_str(),
                static_cast<long long>(row), got->bid_price.to_string().c_str(),
                got->bid_qty.to_string().c_str(), got->ask_price.to_string().c_str(),
                got->ask_qty.to_string().c_str(), match ? "" : "  MISMATCH: not the row written last");
  }
  return ok;
}

int run(const Options& o) {
  schemac::db::Connection conn(o.url);
  std::printf("ingest: connected to %s\n", conn.display_url().c_str());
  int new_exchanges = 0, new_symbols = 0;
  auto exchange = seed_exchanges(conn, new_exchanges);
  std::vector<int32_t> symbols = seed_symbols(conn, exchange, new_symbols);
  std::printf("ingest: %zu exchanges (%d inserted), %zu symbols (%d inserted with insert_many)\n", exchange.size(),
              new_exchanges, symbols.size(), new_symbols);

  auto burst = make_burst(symbols, burst_start(conn, symbols), o.rows);
  const auto t0 = std::chrono::steady_clock::now();
  const int64_t copied = gen::book_ticker_snapshots::copy_into(conn, burst);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
  std::printf("ingest: copy_into wrote %lld book_ticker_snapshots rows in %.3f s (%.0f rows/s)\n",
              static_cast<long long>(copied), took.count(), static_cast<double>(copied) / took.count());

  const int64_t stored = count_between(conn, burst.front().timestamp, burst.back().timestamp);
  std::printf("ingest: read back %lld rows in the burst's time range\n", static_cast<long long>(stored));
  const bool latest_ok = report_latest(conn, symbols, burst);
  if (stored != o.rows || copied != o.rows || !latest_ok) {
    std::printf("ingest: FAILED: %s\n", latest_ok ? "the row count differs" : "a latest row differs");
    return 1;
  }
  std::printf("ingest: ok: %lld rows stored, each symbol's latest row is the one written last\n",
              static_cast<long long>(stored));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_args(argc, argv);
  try {
    return run(o);
  } catch (const std::exception& e) {  // schemac::db::Error messages carry no password
    std::fprintf(stderr, "ingest: error: %s\n", e.what());
    return 1;
  }
}

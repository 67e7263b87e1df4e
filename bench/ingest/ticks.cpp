#include "ticks.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace bench {
namespace {

// splitmix64: a fast, fixed-seed generator, so the rows are the same on every machine.
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int64_t below(int64_t n) { return static_cast<int64_t>(next() % static_cast<uint64_t>(n)); }
};

struct Market {
  int64_t price;     // times kScale
  int64_t tick;      // price step, times kScale
  int64_t qty_step;  // size step, times kScale
  int64_t max_qty_steps;
};

// Twenty spot markets with their price and size steps as exchanges list them.
constexpr Market kMarkets[] = {
    {6'423'110'000'000, 10'000'000, 100'000, 5'000},        // BTC 64231.1, tick 0.1, size 0.001
    {341'255'000'000, 1'000'000, 1'000'000, 5'000},         // ETH 3412.55
    {15'123'400'000, 100'000, 10'000'000, 10'000},          // SOL 151.234
    {58'430'000'000, 10'000'000, 1'000'000, 20'000},        // BNB 584.3
    {52'340'000, 10'000, 100'000'000, 100'000},             // XRP 0.5234
    {12'345'000, 1'000, 100'000'000, 1'000'000},            // DOGE 0.12345
    {45'120'000, 10'000, 100'000'000, 100'000},             // ADA 0.4512
    {3'567'000'000, 1'000'000, 10'000'000, 20'000},         // AVAX 35.67
    {1'432'100'000, 100'000, 10'000'000, 50'000},           // LINK 14.321
    {678'900'000, 100'000, 10'000'000, 50'000},             // DOT 6.789
    {7'245'000'000, 1'000'000, 1'000'000, 50'000},          // LTC 72.45
    {32'100'000, 10'000, 100'000'000, 200'000},             // TRX 0.321
    {9'876'000'000, 1'000'000, 1'000'000, 50'000},          // BCH 98.76
    {512'300'000, 100'000, 10'000'000, 50'000},             // UNI 5.123
    {187'650'000, 10'000, 10'000'000, 100'000},             // OP 1.8765
    {80'120'000, 10'000, 100'000'000, 100'000},             // ARB 0.8012
    {523'400'000, 100'000, 10'000'000, 50'000},             // ATOM 5.234
    {65'432'000, 1'000, 100'000'000, 200'000},              // MATIC 0.65432
    {12'345'000'000, 10'000'000, 1'000'000, 20'000},        // ETC 123.45
    {2'100, 1, 100'000'000'000, 1'000'000},                 // PEPE 0.000021
};
constexpr int kMarketCount = static_cast<int>(sizeof kMarkets / sizeof kMarkets[0]);

// 2026-11-21 00:00:00 UTC.
constexpr int64_t kStartMicros = 1'795'219'200'000'000;

}  // namespace

std::vector<Tick> make_ticks(size_t n, int symbols) {
  Random rng{20261121};
  std::vector<Market> markets;
  for (int s = 0; s < symbols; ++s) markets.push_back(kMarkets[s % kMarketCount]);
  std::vector<Tick> out;
  out.reserve(n);
  int64_t ts = kStartMicros;
  for (size_t i = 0; i < n; ++i) {
    ts += 1 + rng.below(500);
    const int s = static_cast<int>(rng.below(symbols));
    Market& m = markets[static_cast<size_t>(s)];
    m.price += (rng.below(5) - 2) * m.tick;
    if (m.price < 10 * m.tick) m.price = 10 * m.tick;
    const int64_t spread = (1 + rng.below(3)) * m.tick;
    out.push_back(Tick{ts, s + 1, m.price, (1 + rng.below(m.max_qty_steps)) * m.qty_step, m.price + spread,
                       (1 + rng.below(m.max_qty_steps)) * m.qty_step});
  }
  return out;
}

std::string format_e8(int64_t v) {
  char buf[48];
  const uint64_t mag = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::snprintf(buf, sizeof buf, "%s%llu.%08llu", v < 0 ? "-" : "", static_cast<unsigned long long>(mag / kScale),
                static_cast<unsigned long long>(mag % kScale));
  return buf;
}

std::string format_timestamptz(int64_t unix_micros) {
  const std::time_t secs = static_cast<std::time_t>(unix_micros / 1'000'000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%06lld+00", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(unix_micros % 1'000'000));
  return buf;
}

std::vector<Insert> to_inserts(const std::vector<Tick>& ticks) {
  using schemac::db::Decimal;
  std::vector<Insert> out;
  out.reserve(ticks.size());
  for (const Tick& t : ticks) {
    Insert row;
    row.timestamp = schemac::db::Timestamptz{std::chrono::microseconds{t.unix_micros}};
    row.symbol_id = t.symbol_id;
    row.bid_price = Decimal::parse(format_e8(t.bid_price));
    row.bid_qty = Decimal::parse(format_e8(t.bid_qty));
    row.ask_price = Decimal::parse(format_e8(t.ask_price));
    row.ask_qty = Decimal::parse(format_e8(t.ask_qty));
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<TextRow> to_text_rows(const std::vector<Tick>& ticks) {
  std::vector<TextRow> out;
  out.reserve(ticks.size());
  for (const Tick& t : ticks)
    out.emplace_back(format_timestamptz(t.unix_micros), t.symbol_id, format_e8(t.bid_price), format_e8(t.bid_qty),
                     format_e8(t.ask_price), format_e8(t.ask_qty));
  return out;
}

}  // namespace bench

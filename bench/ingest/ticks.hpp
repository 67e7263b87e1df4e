#pragma once
// The rows every contender writes: book-ticker snapshots generated once, in memory, before anything is timed,
// then handed to each contender in the form its API takes (generated Insert structs, text for libpqxx, the
// fixed-point Tick itself for the hand-written libpq code).
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "book_ticker_snapshots.hpp"

namespace bench {

// numeric(20,8) values as integers scaled by 10^8: what a careful engineer would keep for prices and sizes when
// writing libpq code by hand (exact, and encoded to NUMERIC's base-10000 digits without any text).
inline constexpr int64_t kScale = 100'000'000;

struct Tick {
  int64_t unix_micros;
  int32_t symbol_id;
  int64_t bid_price, bid_qty, ask_price, ask_qty;  // times kScale
};

// Deterministic for a given (n, symbols): every run and every contender gets the same values. Timestamps rise
// strictly (about 4,000 snapshots a second across all symbols); prices follow a random walk on each symbol's tick
// size, from BTC's 64,231.1 down to DOGE's 0.12345.
std::vector<Tick> make_ticks(size_t n, int symbols);

// "64231.10000000": the text the server prints for the value, which Decimal::parse reads back exactly.
std::string format_e8(int64_t v);
// "2026-11-21 00:00:00.123456+00".
std::string format_timestamptz(int64_t unix_micros);

using Insert = gen::book_ticker_snapshots::Insert;
std::vector<Insert> to_inserts(const std::vector<Tick>& ticks);

// libpqxx 6.4 writes text COPY and has no conversion for std::chrono or exact decimals, so its rows are text,
// formatted before the clock starts: its best case.
using TextRow = std::tuple<std::string, int32_t, std::string, std::string, std::string, std::string>;
std::vector<TextRow> to_text_rows(const std::vector<Tick>& ticks);

}  // namespace bench

// The example program (examples/ingest, built over generated/) on TimescaleDB with schema.dsl applied as a user
// applies it (`plan --db`, then psql): its report says what it wrote and read, and the database, asked on its own,
// agrees: the row count, and each symbol's latest bid and ask, digit for digit. The burst comes from a fixed seed,
// so the latest rows are known in advance; a second run reuses the seeded rows and its burst again ends up latest.
//
// On tsdb, with the retention and compression policies taken out (the Apache edition refuses them; the program
// needs neither): the Timescale-license server (PGlite) cannot take COPY FROM STDIN, which copy_into is.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dsl/print.hpp"
#include "golden_cases.hpp"
#include "live_util.hpp"
#include "testdb.hpp"

using schemac::test::describe;
using schemac::test::RunResult;
using schemac::test::Server;
using schemac::test::TestDb;

namespace {

constexpr const char* kRows = "20000";

// Each symbol's line of the report for a 20,000-row burst: which row of the burst is its latest, and that row.
const std::vector<std::string> kLatest = {
    "  BINANCE_SPOT   BTCUSDT   row 19995   bid 64233.91000000 x 0.04109000  ask 64233.92000000 x 0.00487000",
    "  BINANCE_SPOT   ETHUSDT   row 19999   bid 3415.35000000 x 0.42050000  ask 3415.39000000 x 0.30280000",
    "  MEXC_SPOT      BTCUSDT   row 19996   bid 64228.63000000 x 0.02680000  ask 64228.64000000 x 0.02045000",
    "  MEXC_SPOT      SOLUSDT   row 19998   bid 150.16300000 x 17.89000000  ask 150.16500000 x 32.81000000",
    "  GATEIO_FUTURES BTC_USDT  row 19988   bid 64234.00000000 x 1.29200000  ask 64234.20000000 x 3.02100000",
    "  GATEIO_FUTURES ETH_USDT  row 19997   bid 3408.40000000 x 19.93000000  ask 3408.42000000 x 11.04000000",
};

void apply_schema(const TestDb& db) {
  schemac::Schema schema = schemac::test::load_schema(std::string(SCHEMAC_SOURCE_DIR) + "/schema.dsl");
  schemac::test::strip_policies(schema);
  schemac::test::TempDir dir;
  dir.write("schema.dsl", schemac::print_dsl(schema));
  RunResult plan = schemac::test::run_schemac({"plan", "schema.dsl", "--db", db.url()}, dir.path.string());
  REQUIRE_MESSAGE(plan.exit_code == 0, describe(plan));
  RunResult psql = schemac::test::psql_file(db.url(), plan.out);
  REQUIRE_MESSAGE(psql.exit_code == 0, describe(psql));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The latest row of each symbol as the server prints it, in the report's layout (without the row number).
std::vector<std::string> latest_from_server(TestDb& db) {
  std::vector<std::string> lines;
  for (const auto& r : db.query_rows(
           "SELECT e.enum_value, s.exchange_symbol, b.bid_price, b.bid_qty, b.ask_price, b.ask_qty FROM "
           "(SELECT DISTINCT ON (symbol_id) * FROM book_ticker_snapshots ORDER BY symbol_id, timestamp DESC) b "
           "JOIN symbols s ON s.id = b.symbol_id JOIN exchanges e ON e.id = s.exchange_id ORDER BY s.id"))
    lines.push_back(r[0] + " " + r[1] + " bid " + r[2] + " x " + r[3] + " ask " + r[4] + " x " + r[5]);
  return lines;
}

// A report line with its runs of spaces squeezed and the row number taken out, to compare with the server's.
std::string without_row(std::string line) {
  std::string out;
  for (char c : line)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  auto at = out.find(" row ");
  if (at != std::string::npos) out.erase(at, out.find(' ', at + 5) - at);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> latest_lines(const std::string& report) {
  std::vector<std::string> lines;
  size_t at = report.find("latest per symbol");
  REQUIRE(at != std::string::npos);
  at = report.find('\n', at) + 1;
  while (at < report.size() && report.compare(at, 2, "  ") == 0) {
    size_t end = report.find('\n', at);
    lines.push_back(report.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("examples/ingest: seeds, copies a burst, reads each symbol's latest row back as written") {
  TestDb db(Server::tsdb);
  apply_schema(db);

  RunResult first = schemac::test::run_program({SCHEMAC_INGEST, db.url(), "--rows", kRows});
  INFO(describe(first));
  REQUIRE(first.exit_code == 0);
  CHECK(has(first.out, "3 exchanges (3 inserted), 6 symbols (6 inserted with insert_many)"));
  CHECK(has(first.out, "copy_into wrote 20000 book_ticker_snapshots rows"));
  CHECK(has(first.out, "read back 20000 rows in the burst's time range"));
  CHECK(db.query_value("SELECT count(*) FROM book_ticker_snapshots") == "20000");
  std::vector<std::string> printed = latest_lines(first.out);
  CHECK(printed == kLatest);
  std::vector<std::string> server = latest_from_server(db);
  REQUIRE(server.size() == printed.size());
  for (size_t i = 0; i < printed.size(); ++i) CHECK(without_row(printed[i]) == server[i]);

  // Seeding finds its rows; the new burst starts after the old one, so it is what latest_for_symbol finds.
  RunResult second = schemac::test::run_program({SCHEMAC_INGEST, db.url(), "--rows", kRows});
  INFO(describe(second));
  REQUIRE(second.exit_code == 0);
  CHECK(has(second.out, "3 exchanges (0 inserted), 6 symbols (0 inserted with insert_many)"));
  CHECK(has(second.out, "read back 20000 rows in the burst's time range"));
  CHECK(db.query_value("SELECT count(*) FROM book_ticker_snapshots") == "40000");
  CHECK(latest_lines(second.out) == kLatest);
}

TEST_CASE("examples/ingest: a missing URL or a bad --rows is refused with the usage") {
  for (std::vector<std::string> args : {std::vector<std::string>{}, {"host=x", "--rows", "0"}, {"host=x", "--rows"}}) {
    args.insert(args.begin(), SCHEMAC_INGEST);
    RunResult r = schemac::test::run_program(args);
    CAPTURE(describe(r));
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "usage: ingest URL [--rows N]"));
  }
}

// The runtime's connection behaviour on real servers: errors with SQLSTATE and constraint names and no password,
// transactions, prepared statements once per connection, streaming, and the failure paths of pipeline and COPY.
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "schemac/connection.hpp"
#include "schemac/copy.hpp"
#include "schemac/pipeline.hpp"
#include "testdb.hpp"

using namespace schemac::db;
using schemac::test::Server;
using schemac::test::TestDb;

namespace {

// host and port of a live server, to build URLs around them.
std::pair<std::string, std::string> host_port(const std::string& url) {
  Connection probe(url);
  return {PQhost(probe.native()), PQport(probe.native())};
}

std::string message_of(const std::string& url) {
  try {
    Connection c(url);
  } catch (const Error& e) {
    CHECK(e.sqlstate == "08001");
    return e.what();
  }
  FAIL("connected, though the URL was meant to fail: " << url);
  return {};
}

const char* kCreate = R"sql(
CREATE TABLE ticks (
  id bigint PRIMARY KEY,
  symbol text NOT NULL,
  price numeric(20,8) NOT NULL CONSTRAINT price_positive CHECK (price > 0)
);
)sql";

const Statement kInsert{"rt_insert_tick", "INSERT INTO ticks (id, symbol, price) VALUES ($1, $2, $3)"};

}  // namespace

TEST_CASE("runtime pg15: a connection error never shows the password") {
  TestDb db(Server::pg15);
  const auto [host, port] = host_port(db.url());
  const std::string secret = "Sup3r-S3cret-Pw";
  // A port nothing listens on: libpq's own failure, and the URL in our words.
  const std::string refused = "postgresql://someone:" + secret + "@" + host + ":1/nodb";
  std::string m = message_of(refused);
  CHECK(m.find(secret) == std::string::npos);
  CHECK(m.find("someone:***@") != std::string::npos);
  CHECK(m.find(":1/nodb") != std::string::npos);  // still says where it tried
  // libpq quoting the password back: a port spelt as the password.
  m = message_of("host=" + host + " port=" + secret + " password=" + secret);
  CHECK(m.find(secret) == std::string::npos);
  CHECK(m.find("port") != std::string::npos);
  // Percent-encoded in a URI, and in a query parameter.
  m = message_of("postgresql://someone:p%40ss-" + secret + "@" + host + ":notaport/db");
  CHECK(m.find(secret) == std::string::npos);
  m = message_of("postgresql://" + host + ":1/db?password=" + secret);
  CHECK(m.find(secret) == std::string::npos);
  // A server that refuses the login: the database does not exist.
  m = message_of("postgresql://someone:" + secret + "@" + host + ":" + port + "/no_such_database_rt");
  CHECK(m.find(secret) == std::string::npos);
  CHECK(m.find("no_such_database_rt") != std::string::npos);
}

TEST_CASE("runtime pg15: errors carry SQLSTATE, the constraint and a readable message") {
  TestDb db(Server::pg15);
  db.exec(kCreate);
  Connection conn(db.url());
  conn.exec(kInsert, int64_t{1}, "BTC", Decimal::parse("1.5"));
  try {
    conn.exec(kInsert, int64_t{1}, "ETH", Decimal::parse("2"));
    FAIL("duplicate key accepted");
  } catch (const Error& e) {
    CHECK(e.unique_violation());
    CHECK(e.constraint == "ticks_pkey");
    CHECK(std::string(e.what()).find("rt_insert_tick") != std::string::npos);
    CHECK(std::string(e.what()).find("duplicate key") != std::string::npos);
    CHECK(std::string(e.what()).find("(SQLSTATE 23505)") != std::string::npos);
    CHECK(e.detail.find("(id)=(1)") != std::string::npos);
  }
  try {
    conn.exec(kInsert, int64_t{2}, "ETH", Decimal::parse("-1"));
    FAIL("check violation accepted");
  } catch (const Error& e) {
    CHECK(e.sqlstate == "23514");
    CHECK(e.constraint == "price_positive");
  }
  CHECK_THROWS_WITH_AS(conn.exec(kInsert, int64_t{3}, std::optional<std::string>{}, Decimal::parse("1")),
                       doctest::Contains("23502"), Error);  // NOT NULL
  // The same name with other parameter types is refused before it reaches the server.
  CHECK_THROWS_WITH_AS(conn.exec(kInsert, int32_t{4}, "X", Decimal::parse("1")), doctest::Contains("parameter types"),
                       Error);
  // Reading a column as the wrong type, or a NULL as non-optional, names the column.
  const Result r = conn.exec(Statement("SELECT id, NULL::text AS nothing FROM ticks"));
  CHECK_THROWS_WITH_AS(r.get<int32_t>(0, 0), doctest::Contains("\"id\""), Error);
  CHECK_THROWS_WITH_AS(r.get<std::string>(0, 1), doctest::Contains("std::optional"), Error);
  CHECK_FALSE(r.get<std::optional<std::string>>(0, 1).has_value());
  CHECK(r.get<int64_t>(0, "id") == 1);
  CHECK_THROWS_AS(r.get<int64_t>(1, 0), Error);  // no such row
}

TEST_CASE("runtime pg15: a statement is prepared once per connection") {
  TestDb db(Server::pg15);
  Connection conn(db.url());
  const Statement s("SELECT $1::int + 1");
  for (int i = 0; i < 3; ++i) CHECK(conn.exec(s, int32_t{i}).get<int32_t>(0, 0) == i + 1);
  CHECK(conn.is_prepared(s));
  const Statement count{"rt_count_prepared", "SELECT count(*) FROM pg_prepared_statements WHERE name = $1"};
  CHECK(conn.exec(count, s.name).get<int64_t>(0, 0) == 1);
  // Another connection prepares its own.
  Connection other(db.url());
  CHECK_FALSE(other.is_prepared(s));
  CHECK(other.exec(count, s.name).get<int64_t>(0, 0) == 0);
  // Same name, other SQL: refused.
  CHECK_THROWS_WITH_AS(conn.exec(Statement(s.name, "SELECT 2"), int32_t{1}), doctest::Contains("other SQL"), Error);
}

TEST_CASE("runtime pg15: a transaction rolls back unless committed") {
  TestDb db(Server::pg15);
  db.exec(kCreate);
  Connection conn(db.url());
  {
    Transaction tx(conn);
    conn.exec(kInsert, int64_t{1}, "A", Decimal::parse("1"));
  }  // no commit
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "0");
  {
    Transaction tx(conn);
    conn.exec(kInsert, int64_t{2}, "B", Decimal::parse("1"));
    tx.commit();
  }
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "1");
  // An exception inside: rolled back, and the connection is usable afterwards.
  try {
    Transaction tx(conn);
    conn.exec(kInsert, int64_t{3}, "C", Decimal::parse("1"));
    conn.exec(kInsert, int64_t{2}, "dup", Decimal::parse("1"));
    tx.commit();
  } catch (const Error& e) {
    CHECK(e.unique_violation());
  }
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "1");
  // COMMIT after a failed statement is a rollback, reported as such.
  Transaction tx(conn);
  CHECK_THROWS_AS(conn.exec(kInsert, int64_t{2}, "dup", Decimal::parse("1")), Error);
  CHECK_THROWS_WITH_AS(tx.commit(), doctest::Contains("rolled back"), Error);
  CHECK(conn.exec(Statement("SELECT 1")).rows() == 1);
}

TEST_CASE("runtime pg15: for_each_row streams a large result one row at a time") {
  TestDb db(Server::pg15);
  Connection conn(db.url());
  const Statement series{"rt_series", "SELECT g, g::numeric / 8 FROM generate_series(1, $1) g"};
  int64_t rows = 0, sum = 0;
  Decimal last;
  conn.for_each_row(
      series,
      [&](const Result& r) {
        CHECK(r.rows() == 1);
        ++rows;
        sum += r.get<int32_t>(0, 0);
        last = r.get<Decimal>(0, 1);
      },
      int32_t{50000});
  CHECK(rows == 50000);
  CHECK(sum == int64_t{50000} * 50001 / 2);
  CHECK(last.to_string() == "6250.0000000000000000");
  // An exception from the callback stops delivery, and the connection is left idle.
  int seen = 0;
  CHECK_THROWS_AS(conn.for_each_row(
                      series,
                      [&](const Result&) {
                        if (++seen == 3) throw std::runtime_error("enough");
                      },
                      int32_t{100}),
                  std::runtime_error);
  CHECK(seen == 3);
  CHECK(conn.exec(Statement("SELECT 41 + 1")).get<int32_t>(0, 0) == 42);
  // A server error mid-stream is an Error.
  CHECK_THROWS_AS(conn.for_each_row(Statement("SELECT 1 / (g - 5) FROM generate_series(1, 10) g"),
                                    [](const Result&) {}),
                  Error);
}

TEST_CASE("runtime pg15: a pipeline's failure is the first error, and a transaction around it keeps nothing") {
  TestDb db(Server::pg15);
  db.exec(kCreate);
  Connection conn(db.url());
  {
    Pipeline p(conn, 100);
    for (int64_t i = 1; i <= 1000; ++i) p.send(kInsert, i, "BTC", Decimal::parse("1.25"));
    CHECK(p.finish() == 1000);
  }
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "1000");
  CHECK(db.query_value("SELECT sum(price)::text FROM ticks") == "1250.00000000");
  // A duplicate in the middle: the error at its sync names it; inside a transaction nothing stays.
  try {
    Transaction tx(conn);
    Pipeline p(conn, 50);
    for (int64_t i = 1001; i <= 1100; ++i) p.send(kInsert, i, "ETH", Decimal::parse("2"));
    p.send(kInsert, int64_t{5}, "dup", Decimal::parse("2"));
    for (int64_t i = 1101; i <= 1200; ++i) p.send(kInsert, i, "ETH", Decimal::parse("2"));
    p.finish();
    tx.commit();
    FAIL("pipeline with a duplicate key succeeded");
  } catch (const Error& e) {
    CHECK(e.unique_violation());
    CHECK(e.constraint == "ticks_pkey");
    CHECK(std::string(e.what()).find("pipeline") != std::string::npos);
  }
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "1000");
  // The connection is out of pipeline mode and usable.
  CHECK(PQpipelineStatus(conn.native()) == PQ_PIPELINE_OFF);
  CHECK(conn.exec(Statement("SELECT count(*) FROM ticks")).get<int64_t>(0, 0) == 1000);
  // A statement first prepared inside a pipeline is prepared for later direct use.
  const Statement fresh{"rt_fresh", "SELECT $1::bigint * 2"};
  {
    Pipeline p(conn);
    p.send(fresh, int64_t{21});
    p.finish();
  }
  CHECK(conn.exec(fresh, int64_t{21}).get<int64_t>(0, 0) == 42);
  // A statement that fails to prepare inside a pipeline is forgotten, not believed prepared.
  const Statement broken{"rt_broken", "SELECT * FROM no_such_table WHERE id = $1"};
  {
    Pipeline p(conn);
    p.send(broken, int64_t{1});
    CHECK_THROWS_WITH_AS(p.finish(), doctest::Contains("no_such_table"), Error);
  }
  CHECK_FALSE(conn.is_prepared(broken));
}

TEST_CASE("runtime pg15: a pipeline of 20,000 statements does not deadlock on a full socket") {
  TestDb db(Server::pg15);
  Connection conn(db.url());
  // Each statement returns a row of 2 KB, so the server writes far more than the socket buffers hold while the
  // pipeline is still sending (one sync at the end).
  const Statement wide{"rt_wide", "SELECT repeat('x', 2000) || $1::text"};
  Pipeline p(conn, 1'000'000);
  for (int i = 0; i < 20000; ++i) p.send(wide, std::to_string(i));
  CHECK(p.finish() == 20000);  // SELECTs report their row count
}

TEST_CASE("runtime pg15: a failed COPY keeps nothing and says why; an abandoned one is aborted") {
  TestDb db(Server::pg15);
  db.exec(kCreate);
  Connection conn(db.url());
  const std::string sql = copy_in_sql("public", "ticks", {"id", "symbol", "price"});
  {
    CopyWriter copy(conn, sql);
    copy.row(int64_t{1}, "A", Decimal::parse("1"));
    copy.row(int64_t{2}, "B", Decimal::parse("-1"));  // violates price_positive
    try {
      copy.finish();
      FAIL("COPY with a check violation succeeded");
    } catch (const Error& e) {
      CHECK(e.sqlstate == "23514");
      CHECK(e.constraint == "price_positive");
      CHECK(std::string(e.what()).find("COPY") != std::string::npos);
    }
  }
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "0");
  {
    CopyWriter copy(conn, sql);
    copy.row(int64_t{1}, "A", Decimal::parse("1"));
  }  // destroyed without finish: aborted
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "0");
  CHECK(conn.exec(Statement("SELECT 1")).rows() == 1);  // usable after
  // A value of the wrong binary type for its column is the server's error, not garbage in the table.
  {
    CopyWriter copy(conn, sql);
    copy.row(int32_t{1}, "A", Decimal::parse("1"));  // int4 bytes for a bigint column
    CHECK_THROWS_AS(copy.finish(), Error);
  }
  CHECK_THROWS_AS(CopyWriter(conn, "SELECT 1"), Error);
  CHECK(db.query_value("SELECT count(*) FROM ticks") == "0");
}

TEST_CASE("runtime tsdb: COPY and pipeline into a hypertable, read back with the latest row per symbol") {
  TestDb db(Server::tsdb);
  db.exec("CREATE EXTENSION timescaledb");
  db.exec("CREATE TABLE book (ts timestamptz NOT NULL, symbol_id int NOT NULL, bid numeric(20,8), ask numeric(20,8))");
  db.exec("SELECT create_hypertable('book', by_range('ts', INTERVAL '1 day'))");
  db.exec("CREATE INDEX ON book (symbol_id, ts DESC)");
  Connection conn(db.url());
  using namespace std::chrono;
  const Timestamptz t0 = sys_days{year{2024} / 1 / 1};
  const int rows = 30000;
  {
    CopyWriter copy(conn, copy_in_sql("public", "book", {"ts", "symbol_id", "bid", "ask"}));
    for (int i = 0; i < rows; ++i)
      copy.row(t0 + seconds{i * 10}, int32_t{i % 7}, Decimal::parse(std::to_string(60000 + i) + ".12345678"),
               i % 5 == 0 ? std::optional<Decimal>{} : std::optional<Decimal>{Decimal::parse("0.00000001")});
    CHECK(copy.finish() == rows);
  }
  {
    Pipeline p(conn);
    const Statement ins{"rt_book_insert", "INSERT INTO book VALUES ($1, $2, $3, $4)"};
    for (int i = rows; i < rows + 500; ++i)
      p.send(ins, t0 + seconds{i * 10}, int32_t{i % 7}, Decimal::parse(std::to_string(60000 + i) + ".5"),
             std::optional<Decimal>{});
    CHECK(p.finish() == 500);
  }
  CHECK(std::stoi(db.query_value("SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'book'")) >
        1);
  const Statement latest{"rt_latest", "SELECT ts, bid, ask FROM book WHERE symbol_id = $1 ORDER BY ts DESC LIMIT 1"};
  const Result r = conn.exec(latest, int32_t{(rows + 499) % 7});
  REQUIRE(r.rows() == 1);
  CHECK(r.get<Timestamptz>(0, 0) == t0 + seconds{(rows + 499) * 10});
  CHECK(r.get<Decimal>(0, 1).to_string() == std::to_string(60000 + rows + 499) + ".50000000");
  CHECK_FALSE(r.get<std::optional<Decimal>>(0, 2).has_value());
  CHECK(db.query_value("SELECT count(*) FROM book") == std::to_string(rows + 500));
  CHECK(db.query_value("SELECT count(*) FROM book WHERE ask IS NULL") == std::to_string(rows / 5 + 500));
}

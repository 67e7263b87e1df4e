#pragma once
// inspect: reads a live PostgreSQL / TimescaleDB catalog into the same Schema model the DSL front end builds,
// with a fixed number of set-based catalog queries whatever the size of the schema.
//
// What is left out: system schemas, every TimescaleDB internal schema (chunks live there), objects owned by
// extensions, partitions (the model has no partitioning), indexes that back primary key / unique /
// exclusion constraints (they are the constraints), and triggers (the model has none, so TimescaleDB's
// ts_insert_blocker never shows). The index create_hypertable() makes on (time DESC) when asked for default
// indexes is reported like any other: diff never drops an undeclared one (it belongs to the hypertable), and
// creates it when declared and missing (schemac makes hypertables without default indexes).
//
// The edition: timescaledb.license exists only once the extension does. When TimescaleDB is available but not
// created, inspect learns the license by creating it in a transaction (or savepoint) it rolls back, after the
// catalog read: nothing is left behind, and without the privilege the edition stays unknown.
//
// Retention scheduled with pg_cron (diff's --retention-via-cron on the Apache edition) is read back from
// cron.job, when that table is readable in this database, as the hypertable's retention.
//
// Expressions (defaults, generated columns, checks, index expressions and predicates) are the server's own
// text: pg_get_expr(..., pretty) with search_path = public. normalise_expressions() puts declared
// expressions into the same form, so that `check (status in ('A','B'))` compares equal to what the server
// made of it.
//
// Errors are thrown as DbError (connect.hpp) with a clear message.

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "model/model.hpp"
#include "model/timescale.hpp"

namespace schemac {

struct InspectOptions {
  std::vector<std::string> schemas;  // empty = all user schemas
};

struct Catalog {
  Schema schema;
  Edition edition = Edition::unknown;  // timescaledb.license
  int server_version = 0;           // PQserverVersion: 150004, 170002, ...
  std::string timescaledb_version;  // installed extension version, "" when not installed
  bool timescaledb_available = false;  // installed, or in pg_available_extensions (CREATE EXTENSION can work)
  std::string database;               // current_database()
  std::string cron_database;          // pg_cron's cron.database_name; "" where pg_cron is not loaded or the
                                      // role may not read it
  int queries = 0;                  // catalog statements sent; the same for 1 table or 1,000
  // What the catalog holds that the model cannot (a DEFERRABLE constraint, an index's storage parameters, a
  // domain-typed column, ...), one message each naming the object: pull and plan --db report them, so nothing
  // is lost without a word.
  std::vector<std::string> unmodelled;
  // Objects schemac leaves alone (views, functions, triggers, policies, domains, partitions, ...): "view
  // public.v", listed once.
  std::vector<std::string> not_managed;
};

// Reads the catalog. Runs in one read-only repeatable-read transaction when the connection is idle.
Catalog inspect(PGconn* conn, const InspectOptions& options = {});

// Declared expressions normalised by the server. PostgreSQL is the only reliable normaliser of SQL text
// (it resolves operators, adds casts, rewrites IN to = ANY (ARRAY[...])), so each table with expressions
// becomes a temporary table (ON COMMIT DROP) in one pipelined round trip: one implicit transaction per table,
// created and read back with pg_get_expr(), then dropped. Only the extended query protocol is used, so
// declared text is parsed but never run as extra statements, and nothing is left behind. A table whose
// temporary copy fails (an enum not created yet, a function that does not exist) keeps its raw text and is
// listed in `failed`.
//
// When `live` is given, only tables that exist there and have an expression whose text differs from the live
// one are sent: the common case (the text already matches) costs nothing.
struct NormaliseResult {
  int tables_sent = 0;
  std::vector<std::string> failed;  // "schema.table: server message"
};
NormaliseResult normalise_expressions(PGconn* conn, Schema& declared, const Schema* live = nullptr);

// Helpers shared with tests.
std::vector<std::string> parse_pg_array(std::string_view text);  // {a,"b c",NULL} -> a, b c, "" (1-D)
std::string strip_outer_parens(std::string_view expr);           // "(a + b)" -> "a + b"; "(a) + (b)" unchanged

}  // namespace schemac

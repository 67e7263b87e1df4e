-- migration 0001_init (down): 43 changes
--   create extension timescaledb
--   create enum public.collector_state
--   create enum public.market_type
--   create enum public.trade_side
--   create table public.arbitrage_opportunities as a hypertable on "timestamp"
--   create table public.balance_snapshots as a hypertable on "timestamp"
--   create table public.book_ticker_snapshots as a hypertable on "timestamp"
--   create table public.collector_status as a hypertable on "timestamp"
--   create table public.example_entities as a hypertable on "timestamp"
--   create table public.exchanges
--   create table public.funding_rate_snapshots as a hypertable on "timestamp"
--   create table public.order_flow_metrics as a hypertable on "timestamp"
--   create table public.symbols
--   create table public.trade_snapshots as a hypertable on "timestamp"
--   add foreign key arbitrage_opportunities_buy_exchange_id_fkey on public.arbitrage_opportunities
--   add foreign key arbitrage_opportunities_sell_exchange_id_fkey on public.arbitrage_opportunities
--   add foreign key arbitrage_opportunities_symbol_id_fkey on public.arbitrage_opportunities
--   add foreign key balance_snapshots_exchange_id_fkey on public.balance_snapshots
--   add foreign key book_ticker_snapshots_symbol_id_fkey on public.book_ticker_snapshots
--   add foreign key collector_status_exchange_id_fkey on public.collector_status
--   add foreign key example_entities_symbol_id_fkey on public.example_entities
--   add foreign key funding_rate_snapshots_symbol_id_fkey on public.funding_rate_snapshots
--   add foreign key order_flow_metrics_symbol_id_fkey on public.order_flow_metrics
--   add foreign key symbols_exchange_id_fkey on public.symbols
--   add foreign key trade_snapshots_symbol_id_fkey on public.trade_snapshots
--   enable compression on public.arbitrage_opportunities (segment by symbol_id; order by "timestamp" DESC)  [ACCESS EXCLUSIVE lock]
--   add compression policy on public.arbitrage_opportunities (compress chunks older than 1 day)
--   add retention policy on public.arbitrage_opportunities (drop chunks older than 14 days)
--   add retention policy on public.balance_snapshots (drop chunks older than 14 days)
--   enable compression on public.book_ticker_snapshots (segment by symbol_id; order by "timestamp" DESC)  [ACCESS EXCLUSIVE lock]
--   add compression policy on public.book_ticker_snapshots (compress chunks older than 1 day)
--   add retention policy on public.book_ticker_snapshots (drop chunks older than 7 days)
--   add retention policy on public.collector_status (drop chunks older than 3 days)
--   add retention policy on public.example_entities (drop chunks older than 7 days)
--   enable compression on public.funding_rate_snapshots (segment by symbol_id; order by "timestamp" DESC)  [ACCESS EXCLUSIVE lock]
--   add compression policy on public.funding_rate_snapshots (compress chunks older than 2 days)
--   add retention policy on public.funding_rate_snapshots (drop chunks older than 14 days)
--   enable compression on public.order_flow_metrics (segment by symbol_id; order by "timestamp" DESC)  [ACCESS EXCLUSIVE lock]
--   add compression policy on public.order_flow_metrics (compress chunks older than 1 day)
--   add retention policy on public.order_flow_metrics (drop chunks older than 7 days)
--   enable compression on public.trade_snapshots (segment by symbol_id; order by "timestamp" DESC, id DESC)  [ACCESS EXCLUSIVE lock]
--   add compression policy on public.trade_snapshots (compress chunks older than 6 hours)
--   add retention policy on public.trade_snapshots (drop chunks older than 3 days)

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- undo: add retention policy on public.trade_snapshots (drop chunks older than 3 days)
SELECT remove_retention_policy('public.trade_snapshots', if_exists => true);

-- undo: add compression policy on public.trade_snapshots (compress chunks older than 6 hours)
SELECT remove_compression_policy('public.trade_snapshots', if_exists => true);

-- undo: enable compression on public.trade_snapshots (segment by symbol_id; order by "timestamp" DESC, id DESC)
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.trade_snapshots') c;
ALTER TABLE public.trade_snapshots SET (timescaledb.compress = false);

-- undo: add retention policy on public.order_flow_metrics (drop chunks older than 7 days)
SELECT remove_retention_policy('public.order_flow_metrics', if_exists => true);

-- undo: add compression policy on public.order_flow_metrics (compress chunks older than 1 day)
SELECT remove_compression_policy('public.order_flow_metrics', if_exists => true);

-- undo: enable compression on public.order_flow_metrics (segment by symbol_id; order by "timestamp" DESC)
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.order_flow_metrics') c;
ALTER TABLE public.order_flow_metrics SET (timescaledb.compress = false);

-- undo: add retention policy on public.funding_rate_snapshots (drop chunks older than 14 days)
SELECT remove_retention_policy('public.funding_rate_snapshots', if_exists => true);

-- undo: add compression policy on public.funding_rate_snapshots (compress chunks older than 2 days)
SELECT remove_compression_policy('public.funding_rate_snapshots', if_exists => true);

-- undo: enable compression on public.funding_rate_snapshots (segment by symbol_id; order by "timestamp" DESC)
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.funding_rate_snapshots') c;
ALTER TABLE public.funding_rate_snapshots SET (timescaledb.compress = false);

-- undo: add retention policy on public.example_entities (drop chunks older than 7 days)
SELECT remove_retention_policy('public.example_entities', if_exists => true);

-- undo: add retention policy on public.collector_status (drop chunks older than 3 days)
SELECT remove_retention_policy('public.collector_status', if_exists => true);

-- undo: add retention policy on public.book_ticker_snapshots (drop chunks older than 7 days)
SELECT remove_retention_policy('public.book_ticker_snapshots', if_exists => true);

-- undo: add compression policy on public.book_ticker_snapshots (compress chunks older than 1 day)
SELECT remove_compression_policy('public.book_ticker_snapshots', if_exists => true);

-- undo: enable compression on public.book_ticker_snapshots (segment by symbol_id; order by "timestamp" DESC)
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.book_ticker_snapshots') c;
ALTER TABLE public.book_ticker_snapshots SET (timescaledb.compress = false);

-- undo: add retention policy on public.balance_snapshots (drop chunks older than 14 days)
SELECT remove_retention_policy('public.balance_snapshots', if_exists => true);

-- undo: add retention policy on public.arbitrage_opportunities (drop chunks older than 14 days)
SELECT remove_retention_policy('public.arbitrage_opportunities', if_exists => true);

-- undo: add compression policy on public.arbitrage_opportunities (compress chunks older than 1 day)
SELECT remove_compression_policy('public.arbitrage_opportunities', if_exists => true);

-- undo: enable compression on public.arbitrage_opportunities (segment by symbol_id; order by "timestamp" DESC)
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.arbitrage_opportunities') c;
ALTER TABLE public.arbitrage_opportunities SET (timescaledb.compress = false);

-- undo: add foreign key trade_snapshots_symbol_id_fkey on public.trade_snapshots
ALTER TABLE public.trade_snapshots DROP CONSTRAINT trade_snapshots_symbol_id_fkey;

-- undo: add foreign key symbols_exchange_id_fkey on public.symbols
ALTER TABLE public.symbols DROP CONSTRAINT symbols_exchange_id_fkey;

-- undo: add foreign key order_flow_metrics_symbol_id_fkey on public.order_flow_metrics
ALTER TABLE public.order_flow_metrics DROP CONSTRAINT order_flow_metrics_symbol_id_fkey;

-- undo: add foreign key funding_rate_snapshots_symbol_id_fkey on public.funding_rate_snapshots
ALTER TABLE public.funding_rate_snapshots DROP CONSTRAINT funding_rate_snapshots_symbol_id_fkey;

-- undo: add foreign key example_entities_symbol_id_fkey on public.example_entities
ALTER TABLE public.example_entities DROP CONSTRAINT example_entities_symbol_id_fkey;

-- undo: add foreign key collector_status_exchange_id_fkey on public.collector_status
ALTER TABLE public.collector_status DROP CONSTRAINT collector_status_exchange_id_fkey;

-- undo: add foreign key book_ticker_snapshots_symbol_id_fkey on public.book_ticker_snapshots
ALTER TABLE public.book_ticker_snapshots DROP CONSTRAINT book_ticker_snapshots_symbol_id_fkey;

-- undo: add foreign key balance_snapshots_exchange_id_fkey on public.balance_snapshots
ALTER TABLE public.balance_snapshots DROP CONSTRAINT balance_snapshots_exchange_id_fkey;

-- undo: add foreign key arbitrage_opportunities_symbol_id_fkey on public.arbitrage_opportunities
ALTER TABLE public.arbitrage_opportunities DROP CONSTRAINT arbitrage_opportunities_symbol_id_fkey;

-- undo: add foreign key arbitrage_opportunities_sell_exchange_id_fkey on public.arbitrage_opportunities
ALTER TABLE public.arbitrage_opportunities DROP CONSTRAINT arbitrage_opportunities_sell_exchange_id_fkey;

-- undo: add foreign key arbitrage_opportunities_buy_exchange_id_fkey on public.arbitrage_opportunities
ALTER TABLE public.arbitrage_opportunities DROP CONSTRAINT arbitrage_opportunities_buy_exchange_id_fkey;

-- undo: create table public.trade_snapshots as a hypertable on "timestamp"
DROP TABLE public.trade_snapshots;

-- undo: create table public.symbols
DROP TABLE public.symbols;

-- undo: create table public.order_flow_metrics as a hypertable on "timestamp"
DROP TABLE public.order_flow_metrics;

-- undo: create table public.funding_rate_snapshots as a hypertable on "timestamp"
DROP TABLE public.funding_rate_snapshots;

-- undo: create table public.exchanges
DROP TABLE public.exchanges;

-- undo: create table public.example_entities as a hypertable on "timestamp"
DROP TABLE public.example_entities;

-- undo: create table public.collector_status as a hypertable on "timestamp"
DROP TABLE public.collector_status;

-- undo: create table public.book_ticker_snapshots as a hypertable on "timestamp"
DROP TABLE public.book_ticker_snapshots;

-- undo: create table public.balance_snapshots as a hypertable on "timestamp"
DROP TABLE public.balance_snapshots;

-- undo: create table public.arbitrage_opportunities as a hypertable on "timestamp"
DROP TABLE public.arbitrage_opportunities;

-- undo: create enum public.trade_side
DROP TYPE public.trade_side;

-- undo: create enum public.market_type
DROP TYPE public.market_type;

-- undo: create enum public.collector_state
DROP TYPE public.collector_state;

-- undo: create extension timescaledb
DO $schemac$
BEGIN
  IF (SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'timescaledb') = 'created by a schemac migration (its DOWN drops it)' THEN
    DROP EXTENSION timescaledb;
  END IF;
END
$schemac$;

COMMIT;

-- migration 0001_init (up): 43 changes
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

-- create extension timescaledb
DO $schemac$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'timescaledb') THEN
    CREATE EXTENSION timescaledb;
    COMMENT ON EXTENSION timescaledb IS 'created by a schemac migration (its DOWN drops it)';
  END IF;
END
$schemac$;

-- create enum public.collector_state
CREATE TYPE public.collector_state AS ENUM ('starting', 'connected', 'degraded', 'reconnecting', 'stopped');

-- create enum public.market_type
CREATE TYPE public.market_type AS ENUM ('spot', 'futures');

-- create enum public.trade_side
CREATE TYPE public.trade_side AS ENUM ('buy', 'sell');

-- create table public.arbitrage_opportunities as a hypertable on "timestamp"
CREATE TABLE public.arbitrage_opportunities (
  id bigserial NOT NULL,
  "timestamp" timestamptz NOT NULL,
  symbol_id int NOT NULL,
  buy_exchange_id int NOT NULL,
  sell_exchange_id int NOT NULL,
  buy_price numeric(20,8) NOT NULL,
  sell_price numeric(20,8) NOT NULL,
  spread numeric(20,8) NOT NULL,
  max_quantity numeric(20,8),
  expected_profit numeric(20,8),
  executed bool DEFAULT false NOT NULL,
  CONSTRAINT arbitrage_opportunities_pkey PRIMARY KEY ("timestamp", id),
  CONSTRAINT arbitrage_opportunities_buy_price_check CHECK (buy_price > 0),
  CONSTRAINT arbitrage_opportunities_sell_price_check CHECK (sell_price > 0),
  CONSTRAINT arbitrage_opportunities_check CHECK (buy_exchange_id <> sell_exchange_id)
);
SELECT create_hypertable('public.arbitrage_opportunities', by_range('timestamp', INTERVAL '1 hour'), create_default_indexes => false);
CREATE INDEX arbitrage_opportunities_spread_timestamp_idx ON public.arbitrage_opportunities (spread DESC, "timestamp" DESC) WHERE executed = false;
CREATE INDEX arbitrage_opportunities_symbol_id_timestamp_idx ON public.arbitrage_opportunities (symbol_id, "timestamp" DESC);
COMMENT ON TABLE public.arbitrage_opportunities IS 'Spreads worth acting on: buy on one exchange, sell on another.';
COMMENT ON COLUMN public.arbitrage_opportunities.spread IS 'Relative spread, (sell - buy) / buy.';
COMMENT ON COLUMN public.arbitrage_opportunities.expected_profit IS 'Expected profit after fees, in the quote asset.';

-- create table public.balance_snapshots as a hypertable on "timestamp"
CREATE TABLE public.balance_snapshots (
  "timestamp" timestamptz NOT NULL,
  exchange_id int NOT NULL,
  asset_name varchar(20) NOT NULL,
  available_balance numeric(20,8) NOT NULL,
  locked_balance numeric(20,8) DEFAULT 0 NOT NULL,
  CONSTRAINT balance_snapshots_pkey PRIMARY KEY ("timestamp", exchange_id, asset_name),
  CONSTRAINT balance_snapshots_available_balance_check CHECK (available_balance >= 0),
  CONSTRAINT balance_snapshots_locked_balance_check CHECK (locked_balance >= 0)
);
SELECT create_hypertable('public.balance_snapshots', by_range('timestamp', INTERVAL '6 hours'), create_default_indexes => false);
CREATE INDEX balance_snapshots_exchange_id_asset_name_timestamp_idx ON public.balance_snapshots (exchange_id, asset_name, "timestamp" DESC);
COMMENT ON TABLE public.balance_snapshots IS 'Account balances per exchange and asset.';

-- create table public.book_ticker_snapshots as a hypertable on "timestamp"
CREATE TABLE public.book_ticker_snapshots (
  "timestamp" timestamptz NOT NULL,
  symbol_id int NOT NULL,
  bid_price numeric(20,8) NOT NULL,
  bid_qty numeric(20,8) NOT NULL,
  ask_price numeric(20,8) NOT NULL,
  ask_qty numeric(20,8) NOT NULL,
  CONSTRAINT book_ticker_snapshots_pkey PRIMARY KEY ("timestamp", symbol_id),
  CONSTRAINT book_ticker_snapshots_bid_price_check CHECK (bid_price > 0),
  CONSTRAINT book_ticker_snapshots_bid_qty_check CHECK (bid_qty >= 0),
  CONSTRAINT book_ticker_snapshots_ask_price_check CHECK (ask_price > 0),
  CONSTRAINT book_ticker_snapshots_ask_qty_check CHECK (ask_qty >= 0)
);
SELECT create_hypertable('public.book_ticker_snapshots', by_range('timestamp', INTERVAL '30 minutes'), create_default_indexes => false);
CREATE INDEX book_ticker_snapshots_symbol_id_timestamp_idx ON public.book_ticker_snapshots (symbol_id, "timestamp" DESC);
COMMENT ON TABLE public.book_ticker_snapshots IS 'Best bid/ask snapshots, high frequency.';

-- create table public.collector_status as a hypertable on "timestamp"
CREATE TABLE public.collector_status (
  "timestamp" timestamptz NOT NULL,
  exchange_id int NOT NULL,
  status public.collector_state NOT NULL,
  messages_per_second numeric(20,8) DEFAULT 0 NOT NULL,
  reconnects int DEFAULT 0 NOT NULL,
  last_error text,
  lag_ms int,
  CONSTRAINT collector_status_pkey PRIMARY KEY ("timestamp", exchange_id)
);
SELECT create_hypertable('public.collector_status', by_range('timestamp', INTERVAL '6 hours'), create_default_indexes => false);
CREATE INDEX collector_status_exchange_id_timestamp_idx ON public.collector_status (exchange_id, "timestamp" DESC);
COMMENT ON TABLE public.collector_status IS 'Health of the market-data collectors, one row per exchange per report.';

-- create table public.example_entities as a hypertable on "timestamp"
CREATE TABLE public.example_entities (
  id bigserial NOT NULL,
  "timestamp" timestamptz NOT NULL,
  symbol_id int NOT NULL,
  field1 numeric(20,8) NOT NULL,
  field2 varchar(50) NOT NULL,
  created_at timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT example_entities_pkey PRIMARY KEY ("timestamp", symbol_id),
  CONSTRAINT example_entities_field1_check CHECK (field1 > 0),
  CONSTRAINT example_entities_field2_check CHECK (field2 ~ '^[A-Z0-9]+$')
);
SELECT create_hypertable('public.example_entities', by_range('timestamp', INTERVAL '1 hour'), create_default_indexes => false);
CREATE INDEX example_entities_field1_idx ON public.example_entities (field1) WHERE field1 > 100;
CREATE INDEX example_entities_symbol_id_timestamp_idx ON public.example_entities (symbol_id, "timestamp" DESC);
COMMENT ON TABLE public.example_entities IS 'The team''s template for a new entity, kept as a worked example.';

-- create table public.exchanges
CREATE TABLE public.exchanges (
  id int GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  enum_value varchar(50) NOT NULL,
  exchange_name varchar(50) NOT NULL,
  market_type public.market_type NOT NULL,
  is_active bool DEFAULT true NOT NULL,
  created_at timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT exchanges_pkey PRIMARY KEY (id),
  CONSTRAINT exchanges_enum_value_key UNIQUE (enum_value),
  CONSTRAINT chk_enum_format CHECK (enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$')
);
COMMENT ON TABLE public.exchanges IS 'Exchanges we connect to, one row per market type.';
COMMENT ON COLUMN public.exchanges.enum_value IS '{EXCHANGE}_{MARKET}, for example MEXC_SPOT or GATEIO_FUTURES.';

-- create table public.funding_rate_snapshots as a hypertable on "timestamp"
CREATE TABLE public.funding_rate_snapshots (
  "timestamp" timestamptz NOT NULL,
  symbol_id int NOT NULL,
  funding_rate numeric(20,8) NOT NULL,
  funding_time timestamptz NOT NULL,
  CONSTRAINT funding_rate_snapshots_pkey PRIMARY KEY ("timestamp", symbol_id)
);
SELECT create_hypertable('public.funding_rate_snapshots', by_range('timestamp', INTERVAL '1 hour'), create_default_indexes => false);
CREATE INDEX funding_rate_snapshots_symbol_id_timestamp_idx ON public.funding_rate_snapshots (symbol_id, "timestamp" DESC);
COMMENT ON TABLE public.funding_rate_snapshots IS 'Funding rates of perpetual futures, as each exchange publishes them.';
COMMENT ON COLUMN public.funding_rate_snapshots.funding_time IS 'When the rate is charged.';

-- create table public.order_flow_metrics as a hypertable on "timestamp"
CREATE TABLE public.order_flow_metrics (
  "timestamp" timestamptz NOT NULL,
  symbol_id int NOT NULL,
  ofi_score numeric(20,8) NOT NULL,
  microprice numeric(20,8) NOT NULL,
  spread_bps numeric(20,8),
  buy_volume numeric(20,8) DEFAULT 0 NOT NULL,
  sell_volume numeric(20,8) DEFAULT 0 NOT NULL,
  window_ms int DEFAULT 1000 NOT NULL,
  CONSTRAINT order_flow_metrics_pkey PRIMARY KEY ("timestamp", symbol_id),
  CONSTRAINT order_flow_metrics_ofi_score_check CHECK (ofi_score between -1 and 1),
  CONSTRAINT order_flow_metrics_microprice_check CHECK (microprice > 0),
  CONSTRAINT order_flow_metrics_window_ms_check CHECK (window_ms > 0)
);
SELECT create_hypertable('public.order_flow_metrics', by_range('timestamp', INTERVAL '1 hour'), create_default_indexes => false);
CREATE INDEX order_flow_metrics_symbol_id_timestamp_idx ON public.order_flow_metrics (symbol_id, "timestamp" DESC);
COMMENT ON TABLE public.order_flow_metrics IS 'Order-flow features computed from the book and the trades.';
COMMENT ON COLUMN public.order_flow_metrics.ofi_score IS 'Order flow imbalance over the window, between -1 and 1.';

-- create table public.symbols
CREATE TABLE public.symbols (
  id int GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  exchange_id int NOT NULL,
  symbol_base varchar(20) NOT NULL,
  symbol_quote varchar(20) NOT NULL,
  exchange_symbol varchar(50) NOT NULL,
  tick_size numeric(20,8),
  lot_size numeric(20,8),
  min_notional numeric(20,8),
  is_active bool DEFAULT true NOT NULL,
  created_at timestamptz DEFAULT now() NOT NULL,
  updated_at timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT symbols_pkey PRIMARY KEY (id),
  CONSTRAINT symbols_exchange_id_exchange_symbol_key UNIQUE (exchange_id, exchange_symbol),
  CONSTRAINT symbols_tick_size_check CHECK (tick_size > 0),
  CONSTRAINT symbols_lot_size_check CHECK (lot_size > 0)
);
CREATE INDEX symbols_exchange_id_symbol_base_symbol_quote_idx ON public.symbols (exchange_id, symbol_base, symbol_quote);
CREATE INDEX symbols_symbol_base_symbol_quote_idx ON public.symbols (symbol_base, symbol_quote) WHERE is_active;
COMMENT ON TABLE public.symbols IS 'Tradable symbols, one row per exchange and pair.';
COMMENT ON COLUMN public.symbols.exchange_symbol IS 'The symbol as the exchange spells it (BTCUSDT, BTC_USDT, BTC-USDT-SWAP).';
COMMENT ON INDEX public.symbols_exchange_id_symbol_base_symbol_quote_idx IS 'Fast lookup of one pair on one exchange.';
COMMENT ON INDEX public.symbols_symbol_base_symbol_quote_idx IS 'The same pair across exchanges: what the arbitrage scan asks for.';

-- create table public.trade_snapshots as a hypertable on "timestamp"
CREATE TABLE public.trade_snapshots (
  id bigserial NOT NULL,
  "timestamp" timestamptz NOT NULL,
  symbol_id int NOT NULL,
  price numeric(20,8) NOT NULL,
  quantity numeric(20,8) NOT NULL,
  side public.trade_side NOT NULL,
  CONSTRAINT trade_snapshots_pkey PRIMARY KEY ("timestamp", symbol_id, id),
  CONSTRAINT trade_snapshots_price_check CHECK (price > 0),
  CONSTRAINT trade_snapshots_quantity_check CHECK (quantity > 0)
);
SELECT create_hypertable('public.trade_snapshots', by_range('timestamp', INTERVAL '30 minutes'), create_default_indexes => false);
CREATE INDEX trade_snapshots_symbol_id_timestamp_idx ON public.trade_snapshots (symbol_id, "timestamp" DESC);
COMMENT ON TABLE public.trade_snapshots IS 'Public trades, high frequency.';

-- add foreign key arbitrage_opportunities_buy_exchange_id_fkey on public.arbitrage_opportunities
ALTER TABLE public.arbitrage_opportunities ADD CONSTRAINT arbitrage_opportunities_buy_exchange_id_fkey FOREIGN KEY (buy_exchange_id) REFERENCES public.exchanges (id);

-- add foreign key arbitrage_opportunities_sell_exchange_id_fkey on public.arbitrage_opportunities
ALTER TABLE public.arbitrage_opportunities ADD CONSTRAINT arbitrage_opportunities_sell_exchange_id_fkey FOREIGN KEY (sell_exchange_id) REFERENCES public.exchanges (id);

-- add foreign key arbitrage_opportunities_symbol_id_fkey on public.arbitrage_opportunities
ALTER TABLE public.arbitrage_opportunities ADD CONSTRAINT arbitrage_opportunities_symbol_id_fkey FOREIGN KEY (symbol_id) REFERENCES public.symbols (id);

-- add foreign key balance_snapshots_exchange_id_fkey on public.balance_snapshots
ALTER TABLE public.balance_snapshots ADD CONSTRAINT balance_snapshots_exchange_id_fkey FOREIGN KEY (exchange_id) REFERENCES public.exchanges (id);

-- add foreign key book_ticker_snapshots_symbol_id_fkey on public.book_ticker_snapshots
ALTER TABLE public.book_ticker_snapshots ADD CONSTRAINT book_ticker_snapshots_symbol_id_fkey FOREIGN KEY (symbol_id) REFERENCES public.symbols (id);

-- add foreign key collector_status_exchange_id_fkey on public.collector_status
ALTER TABLE public.collector_status ADD CONSTRAINT collector_status_exchange_id_fkey FOREIGN KEY (exchange_id) REFERENCES public.exchanges (id);

-- add foreign key example_entities_symbol_id_fkey on public.example_entities
ALTER TABLE public.example_entities ADD CONSTRAINT example_entities_symbol_id_fkey FOREIGN KEY (symbol_id) REFERENCES public.symbols (id);

-- add foreign key funding_rate_snapshots_symbol_id_fkey on public.funding_rate_snapshots
ALTER TABLE public.funding_rate_snapshots ADD CONSTRAINT funding_rate_snapshots_symbol_id_fkey FOREIGN KEY (symbol_id) REFERENCES public.symbols (id);

-- add foreign key order_flow_metrics_symbol_id_fkey on public.order_flow_metrics
ALTER TABLE public.order_flow_metrics ADD CONSTRAINT order_flow_metrics_symbol_id_fkey FOREIGN KEY (symbol_id) REFERENCES public.symbols (id);

-- add foreign key symbols_exchange_id_fkey on public.symbols
ALTER TABLE public.symbols ADD CONSTRAINT symbols_exchange_id_fkey FOREIGN KEY (exchange_id) REFERENCES public.exchanges (id) ON DELETE CASCADE;

-- add foreign key trade_snapshots_symbol_id_fkey on public.trade_snapshots
ALTER TABLE public.trade_snapshots ADD CONSTRAINT trade_snapshots_symbol_id_fkey FOREIGN KEY (symbol_id) REFERENCES public.symbols (id);

-- enable compression on public.arbitrage_opportunities (segment by symbol_id; order by "timestamp" DESC)
ALTER TABLE public.arbitrage_opportunities SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', timescaledb.compress_orderby = '"timestamp" DESC');

-- add compression policy on public.arbitrage_opportunities (compress chunks older than 1 day)
SELECT add_compression_policy('public.arbitrage_opportunities', compress_after => INTERVAL '1 day');

-- add retention policy on public.arbitrage_opportunities (drop chunks older than 14 days)
SELECT add_retention_policy('public.arbitrage_opportunities', drop_after => INTERVAL '14 days');

-- add retention policy on public.balance_snapshots (drop chunks older than 14 days)
SELECT add_retention_policy('public.balance_snapshots', drop_after => INTERVAL '14 days');

-- enable compression on public.book_ticker_snapshots (segment by symbol_id; order by "timestamp" DESC)
ALTER TABLE public.book_ticker_snapshots SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', timescaledb.compress_orderby = '"timestamp" DESC');

-- add compression policy on public.book_ticker_snapshots (compress chunks older than 1 day)
SELECT add_compression_policy('public.book_ticker_snapshots', compress_after => INTERVAL '1 day');

-- add retention policy on public.book_ticker_snapshots (drop chunks older than 7 days)
SELECT add_retention_policy('public.book_ticker_snapshots', drop_after => INTERVAL '7 days');

-- add retention policy on public.collector_status (drop chunks older than 3 days)
SELECT add_retention_policy('public.collector_status', drop_after => INTERVAL '3 days');

-- add retention policy on public.example_entities (drop chunks older than 7 days)
SELECT add_retention_policy('public.example_entities', drop_after => INTERVAL '7 days');

-- enable compression on public.funding_rate_snapshots (segment by symbol_id; order by "timestamp" DESC)
ALTER TABLE public.funding_rate_snapshots SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', timescaledb.compress_orderby = '"timestamp" DESC');

-- add compression policy on public.funding_rate_snapshots (compress chunks older than 2 days)
SELECT add_compression_policy('public.funding_rate_snapshots', compress_after => INTERVAL '2 days');

-- add retention policy on public.funding_rate_snapshots (drop chunks older than 14 days)
SELECT add_retention_policy('public.funding_rate_snapshots', drop_after => INTERVAL '14 days');

-- enable compression on public.order_flow_metrics (segment by symbol_id; order by "timestamp" DESC)
ALTER TABLE public.order_flow_metrics SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', timescaledb.compress_orderby = '"timestamp" DESC');

-- add compression policy on public.order_flow_metrics (compress chunks older than 1 day)
SELECT add_compression_policy('public.order_flow_metrics', compress_after => INTERVAL '1 day');

-- add retention policy on public.order_flow_metrics (drop chunks older than 7 days)
SELECT add_retention_policy('public.order_flow_metrics', drop_after => INTERVAL '7 days');

-- enable compression on public.trade_snapshots (segment by symbol_id; order by "timestamp" DESC, id DESC)
ALTER TABLE public.trade_snapshots SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', timescaledb.compress_orderby = '"timestamp" DESC, id DESC');

-- add compression policy on public.trade_snapshots (compress chunks older than 6 hours)
SELECT add_compression_policy('public.trade_snapshots', compress_after => INTERVAL '6 hours');

-- add retention policy on public.trade_snapshots (drop chunks older than 3 days)
SELECT add_retention_policy('public.trade_snapshots', drop_after => INTERVAL '3 days');

COMMIT;

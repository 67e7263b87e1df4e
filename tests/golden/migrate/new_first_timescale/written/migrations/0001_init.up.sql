-- migration 0001_init (up): 5 changes
--   create extension timescaledb
--   create table public.symbols
--   create table public.trades as a hypertable on ts
--   add foreign key trades_symbol_id_fkey on public.trades
--   add retention policy on public.trades (drop chunks older than 90 days)

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

-- create table public.symbols
CREATE TABLE public.symbols (
  id int NOT NULL,
  name text NOT NULL,
  CONSTRAINT symbols_pkey PRIMARY KEY (id),
  CONSTRAINT symbols_name_key UNIQUE (name)
);

-- create table public.trades as a hypertable on ts
CREATE TABLE public.trades (
  ts timestamptz NOT NULL,
  symbol_id int NOT NULL,
  price numeric(20,8) NOT NULL
);
SELECT create_hypertable('public.trades', by_range('ts', INTERVAL '1 day'), create_default_indexes => false);

-- add foreign key trades_symbol_id_fkey on public.trades
ALTER TABLE public.trades ADD CONSTRAINT trades_symbol_id_fkey FOREIGN KEY (symbol_id) REFERENCES public.symbols (id);

-- add retention policy on public.trades (drop chunks older than 90 days)
SELECT add_retention_policy('public.trades', drop_after => INTERVAL '90 days');

COMMIT;

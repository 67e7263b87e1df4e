-- schemac plan: 5 changes
--   create extension timescaledb
--   create table public.ticks as a hypertable on ts
--   enable compression on public.ticks (segment by symbol_id; order by ts DESC)  [ACCESS EXCLUSIVE lock]
--   add compression policy on public.ticks (compress chunks older than 1 day)
--   add retention policy on public.ticks (drop chunks older than 7 days)

-- create extension timescaledb
DO $schemac$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'timescaledb') THEN
    CREATE EXTENSION timescaledb;
    COMMENT ON EXTENSION timescaledb IS 'created by a schemac migration (its DOWN drops it)';
  END IF;
END
$schemac$;

-- create table public.ticks as a hypertable on ts
CREATE TABLE public.ticks (
  ts timestamptz NOT NULL,
  symbol_id int NOT NULL,
  price numeric(20,8) NOT NULL,
  CONSTRAINT ticks_pkey PRIMARY KEY (ts, symbol_id)
);
SELECT create_hypertable('public.ticks', by_range('ts', INTERVAL '30 minutes'), create_default_indexes => false);
CREATE INDEX ticks_symbol_id_ts_idx ON public.ticks (symbol_id, ts DESC);

-- enable compression on public.ticks (segment by symbol_id; order by ts DESC)
ALTER TABLE public.ticks SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id', timescaledb.compress_orderby = 'ts DESC');

-- add compression policy on public.ticks (compress chunks older than 1 day)
SELECT add_compression_policy('public.ticks', compress_after => INTERVAL '1 day');

-- add retention policy on public.ticks (drop chunks older than 7 days)
SELECT add_retention_policy('public.ticks', drop_after => INTERVAL '7 days');

SET client_min_messages = warning;
CREATE EXTENSION timescaledb;
CREATE TABLE public.ticks (
  ts timestamptz NOT NULL,
  symbol text NOT NULL,
  price numeric(20, 8) NOT NULL
);
SELECT create_hypertable('public.ticks', by_range('ts', INTERVAL '6 hours'));
CREATE INDEX ticks_by_symbol ON public.ticks (symbol, ts DESC);

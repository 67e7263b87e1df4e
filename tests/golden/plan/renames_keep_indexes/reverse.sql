-- schemac plan: 8 changes, 2 destructive
--   drop foreign key fills_trade_id_fkey on public.fills  [ACCESS EXCLUSIVE lock]
--   drop index fills_exchange_idx on public.fills  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop table public.orders  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop column public.fills.exchange  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   create table public.trades
--   add column public.fills.venue (text)  [ACCESS EXCLUSIVE lock]
--     note: NOT NULL without a default: fails if the table has rows
--   create index fills_venue_idx on public.fills  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   add foreign key fills_trade_id_fkey on public.fills
--     note: added NOT VALID, then validated under SHARE UPDATE EXCLUSIVE

-- drop foreign key fills_trade_id_fkey on public.fills
ALTER TABLE public.fills DROP CONSTRAINT fills_trade_id_fkey;

-- drop index fills_exchange_idx on public.fills [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.fills_exchange_idx;

-- drop table public.orders
DROP TABLE public.orders;

-- drop column public.fills.exchange
ALTER TABLE public.fills DROP COLUMN exchange;

-- create table public.trades
CREATE TABLE public.trades (
  id bigint NOT NULL,
  sym text NOT NULL,
  qty int NOT NULL,
  CONSTRAINT trades_pkey PRIMARY KEY (id),
  CONSTRAINT trades_sym_qty_key UNIQUE (sym, qty),
  CONSTRAINT trades_qty_check CHECK (qty > 0)
);
CREATE INDEX trades_qty_idx ON public.trades (qty) WHERE qty > 10;
CREATE INDEX trades_sym_idx ON public.trades (sym);

-- add column public.fills.venue (text)
ALTER TABLE public.fills ADD COLUMN venue text NOT NULL;
COMMENT ON COLUMN public.fills.venue IS 'the fill''s venue';

-- create index fills_venue_idx on public.fills [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY fills_venue_idx ON public.fills (venue);

-- add foreign key fills_trade_id_fkey on public.fills
ALTER TABLE public.fills ADD CONSTRAINT fills_trade_id_fkey FOREIGN KEY (trade_id) REFERENCES public.trades (id) NOT VALID;
ALTER TABLE public.fills VALIDATE CONSTRAINT fills_trade_id_fkey;

-- schemac plan: 9 changes, 2 destructive, 2 whose data DOWN cannot restore
--   drop foreign key fills_trade_id_fkey on public.fills  [ACCESS EXCLUSIVE lock]
--     DOWN: the rows of public.orders are gone: fills_trade_id_fkey comes back NOT VALID (old rows unchecked); validate it once the data is back: ALTER TABLE public.fills VALIDATE CONSTRAINT fills_trade_id_fkey
--   drop index fills_exchange_idx on public.fills  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop table public.orders  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.orders is gone: this creates the table again, empty
--   drop column public.fills.exchange  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.fills.exchange is gone: this brings the column back, not its values; its rows get '' (NOT NULL without a default), through a default dropped again
--   create table public.trades
--   add column public.fills.venue (text)  [ACCESS EXCLUSIVE lock]
--     note: NOT NULL without a default: fails if the table has rows
--   create index fills_venue_idx on public.fills  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   add foreign key fills_trade_id_fkey on public.fills
--     note: added NOT VALID: checks new rows at once; a later change validates the existing ones
--   validate constraint fills_trade_id_fkey on public.fills  [in a transaction of its own]
--     note: scans the existing rows while reads and writes continue

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop foreign key fills_trade_id_fkey on public.fills
ALTER TABLE public.fills DROP CONSTRAINT fills_trade_id_fkey;

COMMIT;

-- schemac:section 2 no-transaction
-- drop index fills_exchange_idx on public.fills
DROP INDEX CONCURRENTLY public.fills_exchange_idx;

-- schemac:section 3 transactional
BEGIN;

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

COMMIT;

-- schemac:section 4 no-transaction
-- create index fills_venue_idx on public.fills
CREATE INDEX CONCURRENTLY fills_venue_idx ON public.fills (venue);

-- schemac:section 5 transactional
BEGIN;

-- add foreign key fills_trade_id_fkey on public.fills
ALTER TABLE public.fills ADD CONSTRAINT fills_trade_id_fkey FOREIGN KEY (trade_id) REFERENCES public.trades (id) NOT VALID;

COMMIT;

-- schemac:section 6 transactional
BEGIN;

-- validate constraint fills_trade_id_fkey on public.fills
ALTER TABLE public.fills VALIDATE CONSTRAINT fills_trade_id_fkey;

COMMIT;

-- migration 0001_init (down): 5 changes
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

-- undo: add retention policy on public.trades (drop chunks older than 90 days)
SELECT remove_retention_policy('public.trades', if_exists => true);

-- undo: add foreign key trades_symbol_id_fkey on public.trades
ALTER TABLE public.trades DROP CONSTRAINT trades_symbol_id_fkey;

-- undo: create table public.trades as a hypertable on ts
DROP TABLE public.trades;

-- undo: create table public.symbols
DROP TABLE public.symbols;

-- undo: create extension timescaledb
DO $schemac$
BEGIN
  IF (SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'timescaledb') = 'created by a schemac migration (its DOWN drops it)' THEN
    DROP EXTENSION timescaledb;
  END IF;
END
$schemac$;

COMMIT;

-- schemac plan: 4 changes, 2 destructive, 2 whose data DOWN cannot restore
--   drop foreign key symbols_exchange_id_fkey on public.symbols
--   drop table public.symbols  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.symbols is gone: this creates the table again, empty
--   drop table public.exchanges  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.exchanges is gone: this creates the table again, empty
--   drop enum public.market_type

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop foreign key symbols_exchange_id_fkey on public.symbols
ALTER TABLE public.symbols DROP CONSTRAINT symbols_exchange_id_fkey;

-- drop table public.symbols
DROP TABLE public.symbols;

-- drop table public.exchanges
DROP TABLE public.exchanges;

-- drop enum public.market_type
DROP TYPE public.market_type;

COMMIT;

-- schemac plan: 4 changes, 2 destructive
--   drop foreign key symbols_exchange_id_fkey on public.symbols
--   drop table public.symbols  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop table public.exchanges  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop enum public.market_type

-- drop foreign key symbols_exchange_id_fkey on public.symbols
ALTER TABLE public.symbols DROP CONSTRAINT symbols_exchange_id_fkey;

-- drop table public.symbols
DROP TABLE public.symbols;

-- drop table public.exchanges
DROP TABLE public.exchanges;

-- drop enum public.market_type
DROP TYPE public.market_type;

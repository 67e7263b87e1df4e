-- schemac plan: 10 changes
--   rename table public.trades to orders  [ACCESS EXCLUSIVE lock]
--   rename column public.fills.venue to exchange  [ACCESS EXCLUSIVE lock]
--   rename column public.orders.sym to symbol  [ACCESS EXCLUSIVE lock]
--   rename index public.fills_venue_idx to fills_exchange_idx
--     note: nothing is rebuilt
--   rename constraint trades_pkey on public.orders to orders_pkey  [ACCESS EXCLUSIVE lock]
--     note: renames its index too; nothing is rebuilt
--   rename constraint trades_qty_check on public.orders to orders_qty_check  [ACCESS EXCLUSIVE lock]
--   rename constraint trades_sym_qty_key on public.orders to orders_symbol_qty_key  [ACCESS EXCLUSIVE lock]
--     note: renames its index too; nothing is rebuilt
--   rename index public.trades_sym_idx to orders_symbol_idx
--     note: nothing is rebuilt
--   drop index trades_qty_idx on public.orders  [outside a transaction]
--     note: dropped CONCURRENTLY
--   create index orders_qty_idx on public.orders  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue

-- rename table public.trades to orders
ALTER TABLE public.trades RENAME TO orders;

-- rename column public.fills.venue to exchange
ALTER TABLE public.fills RENAME COLUMN venue TO exchange;

-- rename column public.orders.sym to symbol
ALTER TABLE public.orders RENAME COLUMN sym TO symbol;

-- rename index public.fills_venue_idx to fills_exchange_idx
ALTER INDEX public.fills_venue_idx RENAME TO fills_exchange_idx;

-- rename constraint trades_pkey on public.orders to orders_pkey
ALTER TABLE public.orders RENAME CONSTRAINT trades_pkey TO orders_pkey;

-- rename constraint trades_qty_check on public.orders to orders_qty_check
ALTER TABLE public.orders RENAME CONSTRAINT trades_qty_check TO orders_qty_check;

-- rename constraint trades_sym_qty_key on public.orders to orders_symbol_qty_key
ALTER TABLE public.orders RENAME CONSTRAINT trades_sym_qty_key TO orders_symbol_qty_key;

-- rename index public.trades_sym_idx to orders_symbol_idx
ALTER INDEX public.trades_sym_idx RENAME TO orders_symbol_idx;

-- drop index trades_qty_idx on public.orders [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.trades_qty_idx;

-- create index orders_qty_idx on public.orders [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY orders_qty_idx ON public.orders (qty) WHERE qty > 100;

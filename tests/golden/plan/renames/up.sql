-- schemac plan: 3 changes
--   rename table public.order_log to order_history  [ACCESS EXCLUSIVE lock]
--   rename column public.order_history.meta to metadata  [ACCESS EXCLUSIVE lock]
--   rename constraint order_log_pkey on public.order_history to order_history_pkey  [ACCESS EXCLUSIVE lock]
--     note: renames its index too; nothing is rebuilt

-- rename table public.order_log to order_history
ALTER TABLE public.order_log RENAME TO order_history;

-- rename column public.order_history.meta to metadata
ALTER TABLE public.order_history RENAME COLUMN meta TO metadata;

-- rename constraint order_log_pkey on public.order_history to order_history_pkey
ALTER TABLE public.order_history RENAME CONSTRAINT order_log_pkey TO order_history_pkey;

-- schemac plan: 4 changes
--   rename table public.order_log to order_history  [ACCESS EXCLUSIVE lock]
--   rename column public.order_history.meta to metadata  [ACCESS EXCLUSIVE lock]
--   drop constraint order_log_pkey on public.order_history  [ACCESS EXCLUSIVE lock]
--   add constraint order_history_pkey on public.order_history  [ACCESS EXCLUSIVE lock]
--     note: builds a unique index under ACCESS EXCLUSIVE

-- rename table public.order_log to order_history
ALTER TABLE public.order_log RENAME TO order_history;

-- rename column public.order_history.meta to metadata
ALTER TABLE public.order_history RENAME COLUMN meta TO metadata;

-- drop constraint order_log_pkey on public.order_history
ALTER TABLE public.order_history DROP CONSTRAINT order_log_pkey;

-- add constraint order_history_pkey on public.order_history
ALTER TABLE public.order_history ADD CONSTRAINT order_history_pkey PRIMARY KEY (id);

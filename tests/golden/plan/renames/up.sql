-- schemac plan: 3 changes
--   rename table public.order_log to order_history  [ACCESS EXCLUSIVE lock]
--   rename column public.order_history.meta to metadata  [ACCESS EXCLUSIVE lock]
--   rename constraint order_log_pkey on public.order_history to order_history_pkey  [ACCESS EXCLUSIVE lock]
--     note: renames its index too; nothing is rebuilt

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- rename table public.order_log to order_history
ALTER TABLE public.order_log RENAME TO order_history;

-- rename column public.order_history.meta to metadata
ALTER TABLE public.order_history RENAME COLUMN meta TO metadata;

-- rename constraint order_log_pkey on public.order_history to order_history_pkey
ALTER TABLE public.order_history RENAME CONSTRAINT order_log_pkey TO order_history_pkey;

COMMIT;

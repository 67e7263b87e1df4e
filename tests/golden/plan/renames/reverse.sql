-- schemac plan: 2 changes, 1 destructive, 1 whose data DOWN cannot restore
--   drop table public.order_history  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.order_history is gone: this creates the table again, empty
--   create table public.order_log

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop table public.order_history
DROP TABLE public.order_history;

-- create table public.order_log
CREATE TABLE public.order_log (
  id int NOT NULL,
  meta jsonb NOT NULL,
  CONSTRAINT order_log_pkey PRIMARY KEY (id)
);

COMMIT;

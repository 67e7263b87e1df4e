-- schemac plan: 2 changes, 1 destructive
--   drop table public.order_history  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   create table public.order_log

-- drop table public.order_history
DROP TABLE public.order_history;

-- create table public.order_log
CREATE TABLE public.order_log (
  id int NOT NULL,
  meta jsonb NOT NULL,
  CONSTRAINT order_log_pkey PRIMARY KEY (id)
);

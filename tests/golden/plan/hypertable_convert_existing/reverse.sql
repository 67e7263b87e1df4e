-- schemac plan: 1 change
--   rebuild public.ticks as a plain table (copies every row)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: copies every row into a new plain table under ACCESS EXCLUSIVE

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- rebuild public.ticks as a plain table (copies every row)
ALTER TABLE public.ticks RENAME TO ticks_schemac_old;
ALTER INDEX public.ticks_pkey RENAME TO ticks_pkey_schemac_old;
CREATE TABLE public.ticks (
  ts timestamptz NOT NULL,
  symbol_id int NOT NULL,
  price numeric(20,8) NOT NULL,
  CONSTRAINT ticks_pkey PRIMARY KEY (ts, symbol_id)
);
INSERT INTO public.ticks (ts, symbol_id, price) SELECT ts, symbol_id, price FROM public.ticks_schemac_old;
DROP TABLE public.ticks_schemac_old;

COMMIT;

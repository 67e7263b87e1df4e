-- schemac plan: 7 changes, 1 destructive, 1 whose data DOWN cannot restore
--   rename sequence public.order_numbers to order_no
--   create sequence billing.credit_no
--   alter sequence billing.invoice_no
--   alter sequence public.order_no
--   add column public.orders.c (bigint)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: fills every existing row: rewrites the table under ACCESS EXCLUSIVE
--   comment on sequence public.order_no
--   drop sequence public.retired  [DESTRUCTIVE, data not restored by DOWN]
--     DOWN: the current value of public.retired is gone: this creates the sequence again at its start

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- rename sequence public.order_numbers to order_no
ALTER SEQUENCE public.order_numbers RENAME TO order_no;

-- create sequence billing.credit_no
CREATE SEQUENCE billing.credit_no START WITH 100;

-- alter sequence billing.invoice_no
ALTER SEQUENCE billing.invoice_no AS int MAXVALUE 900000 START WITH 1 CACHE 20;

-- alter sequence public.order_no
ALTER SEQUENCE public.order_no AS bigint INCREMENT BY 5 START WITH 1000 NO CYCLE;

-- add column public.orders.c (bigint)
ALTER TABLE public.orders ADD COLUMN c bigint DEFAULT nextval('billing.credit_no'::regclass);

-- comment on sequence public.order_no
COMMENT ON SEQUENCE public.order_no IS 'one number per order';

-- drop sequence public.retired
DROP SEQUENCE public.retired;

COMMIT;

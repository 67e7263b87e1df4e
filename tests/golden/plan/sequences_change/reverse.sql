-- schemac plan: 7 changes, 3 destructive, 3 whose data DOWN cannot restore
--   drop column public.orders.c  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.orders.c is gone: this brings the column back, not its values
--   alter sequence billing.invoice_no
--   create sequence public.order_numbers
--   create sequence public.retired
--   set default of public.orders.n to nextval('order_numbers'::regclass)  [ACCESS EXCLUSIVE lock]
--   drop sequence public.order_no  [DESTRUCTIVE, data not restored by DOWN]
--     DOWN: the current value of public.order_no is gone: this creates the sequence again at its start
--   drop sequence billing.credit_no  [DESTRUCTIVE, data not restored by DOWN]
--     DOWN: the current value of billing.credit_no is gone: this creates the sequence again at its start

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop column public.orders.c
ALTER TABLE public.orders DROP COLUMN c;

-- alter sequence billing.invoice_no
ALTER SEQUENCE billing.invoice_no AS bigint NO MAXVALUE START WITH 1 CACHE 1;

-- create sequence public.order_numbers
CREATE SEQUENCE public.order_numbers AS int INCREMENT BY 10 START WITH 1000 CYCLE;

-- create sequence public.retired
CREATE SEQUENCE public.retired;

-- set default of public.orders.n to nextval('order_numbers'::regclass)
ALTER TABLE public.orders ALTER COLUMN n SET DEFAULT nextval('order_numbers'::regclass);

-- drop sequence public.order_no
DROP SEQUENCE public.order_no;

-- drop sequence billing.credit_no
DROP SEQUENCE billing.credit_no;

COMMIT;

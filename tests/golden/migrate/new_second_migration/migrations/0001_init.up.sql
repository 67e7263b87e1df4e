-- migration 0001_init (up): 1 change
--   create table public.accounts

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- create table public.accounts
CREATE TABLE public.accounts (
  id int NOT NULL,
  email text NOT NULL,
  CONSTRAINT accounts_pkey PRIMARY KEY (id)
);

COMMIT;

-- migration 0002_add_created_at (up): 2 changes
--   add column public.accounts.created_at (timestamptz)  [ACCESS EXCLUSIVE lock]
--   create index accounts_email_idx on public.accounts  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- add column public.accounts.created_at (timestamptz)
ALTER TABLE public.accounts ADD COLUMN created_at timestamptz DEFAULT now() NOT NULL;

COMMIT;

-- schemac:section 2 no-transaction
-- create index accounts_email_idx on public.accounts
CREATE INDEX CONCURRENTLY accounts_email_idx ON public.accounts (email);

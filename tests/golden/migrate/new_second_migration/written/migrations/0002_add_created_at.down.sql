-- migration 0002_add_created_at (down): 2 changes
--   add column public.accounts.created_at (timestamptz)  [ACCESS EXCLUSIVE lock]
--   create index accounts_email_idx on public.accounts  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 no-transaction
-- undo: create index accounts_email_idx on public.accounts
DROP INDEX CONCURRENTLY public.accounts_email_idx;

-- schemac:section 2 transactional
BEGIN;

-- undo: add column public.accounts.created_at (timestamptz)
ALTER TABLE public.accounts DROP COLUMN created_at;

COMMIT;

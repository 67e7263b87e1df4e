-- schemac plan: 3 changes
--   add column public.t.at (timestamptz)  [ACCESS EXCLUSIVE lock]
--     note: NOT NULL without a default: fails if the table has rows
--   comment on table public.t
--   comment on column public.t.amount

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- add column public.t.at (timestamptz)
ALTER TABLE public.t ADD COLUMN at timestamptz NOT NULL;
COMMENT ON COLUMN public.t.at IS 'When it happened.';

-- comment on table public.t
COMMENT ON TABLE public.t IS 'It''s the new text.';

-- comment on column public.t.amount
COMMENT ON COLUMN public.t.amount IS NULL;

COMMIT;

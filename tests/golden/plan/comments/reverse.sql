-- schemac plan: 3 changes, 1 destructive, 1 whose data DOWN cannot restore
--   drop column public.t.at  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.t.at is gone: this brings the column back, not its values; its rows get '1970-01-01 00:00:00+00' (NOT NULL without a default), through a default dropped again
--   comment on table public.t
--   comment on column public.t.amount

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop column public.t.at
ALTER TABLE public.t DROP COLUMN at;

-- comment on table public.t
COMMENT ON TABLE public.t IS 'Old text.';

-- comment on column public.t.amount
COMMENT ON COLUMN public.t.amount IS 'The amount.';

COMMIT;

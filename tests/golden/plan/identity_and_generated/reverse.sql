-- schemac plan: 2 changes, 1 destructive, 1 whose data DOWN cannot restore
--   drop column public.t.total  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.t.total is gone: this brings the column back, not its values
--   drop identity of public.t.id  [ACCESS EXCLUSIVE lock]

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop column public.t.total
ALTER TABLE public.t DROP COLUMN total;

-- drop identity of public.t.id
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

COMMIT;

-- schemac plan: 2 changes
--   add identity to public.t.id  [ACCESS EXCLUSIVE lock]
--   add column public.t.total (int)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: fills every existing row: rewrites the table under ACCESS EXCLUSIVE

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- add identity to public.t.id
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('public.t', 'id'), coalesce(max(id), 0) + 1, false) FROM public.t;

-- add column public.t.total (int)
ALTER TABLE public.t ADD COLUMN total int GENERATED ALWAYS AS (a + b) STORED NOT NULL;

COMMIT;

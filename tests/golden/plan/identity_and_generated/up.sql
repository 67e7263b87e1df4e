-- schemac plan: 2 changes
--   add identity to public.t.id  [ACCESS EXCLUSIVE lock]
--   add column public.t.total (int)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: fills every existing row: rewrites the table under ACCESS EXCLUSIVE

-- add identity to public.t.id
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('public.t', 'id'), coalesce(max(id), 0) + 1, false) FROM public.t;

-- add column public.t.total (int)
ALTER TABLE public.t ADD COLUMN total int GENERATED ALWAYS AS (a + b) STORED NOT NULL;

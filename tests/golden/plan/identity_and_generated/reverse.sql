-- schemac plan: 2 changes, 1 destructive
--   drop column public.t.total  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop identity of public.t.id  [ACCESS EXCLUSIVE lock]

-- drop column public.t.total
ALTER TABLE public.t DROP COLUMN total;

-- drop identity of public.t.id
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

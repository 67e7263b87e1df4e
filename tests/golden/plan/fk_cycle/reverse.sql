-- schemac plan: 4 changes, 2 destructive, 2 whose data DOWN cannot restore
--   drop foreign key b_a_id_fkey on public.b
--   drop foreign key a_b_id_fkey on public.a
--   drop table public.b  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.b is gone: this creates the table again, empty
--   drop table public.a  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.a is gone: this creates the table again, empty

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop foreign key b_a_id_fkey on public.b
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

-- drop foreign key a_b_id_fkey on public.a
ALTER TABLE public.a DROP CONSTRAINT a_b_id_fkey;

-- drop table public.b
DROP TABLE public.b;

-- drop table public.a
DROP TABLE public.a;

COMMIT;

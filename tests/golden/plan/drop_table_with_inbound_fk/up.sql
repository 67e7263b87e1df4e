-- schemac plan: 2 changes, 1 destructive, 1 whose data DOWN cannot restore
--   drop foreign key child_parent_id_fkey on public.child  [ACCESS EXCLUSIVE lock]
--     DOWN: the rows of public.parent are gone: child_parent_id_fkey comes back NOT VALID (old rows unchecked); validate it once the data is back: ALTER TABLE public.child VALIDATE CONSTRAINT child_parent_id_fkey
--   drop table public.parent  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.parent is gone: this creates the table again, empty

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop foreign key child_parent_id_fkey on public.child
ALTER TABLE public.child DROP CONSTRAINT child_parent_id_fkey;

-- drop table public.parent
DROP TABLE public.parent;

COMMIT;

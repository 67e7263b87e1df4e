-- schemac plan: 2 changes, 1 destructive
--   drop foreign key child_parent_id_fkey on public.child  [ACCESS EXCLUSIVE lock]
--   drop table public.parent  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]

-- drop foreign key child_parent_id_fkey on public.child
ALTER TABLE public.child DROP CONSTRAINT child_parent_id_fkey;

-- drop table public.parent
DROP TABLE public.parent;

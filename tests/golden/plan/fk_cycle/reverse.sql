-- schemac plan: 4 changes, 2 destructive
--   drop foreign key b_a_id_fkey on public.b
--   drop foreign key a_b_id_fkey on public.a
--   drop table public.b  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop table public.a  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]

-- drop foreign key b_a_id_fkey on public.b
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

-- drop foreign key a_b_id_fkey on public.a
ALTER TABLE public.a DROP CONSTRAINT a_b_id_fkey;

-- drop table public.b
DROP TABLE public.b;

-- drop table public.a
DROP TABLE public.a;

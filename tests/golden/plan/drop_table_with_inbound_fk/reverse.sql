-- schemac plan: 2 changes
--   create table public.parent
--   add foreign key child_parent_id_fkey on public.child
--     note: added NOT VALID, then validated under SHARE UPDATE EXCLUSIVE

-- create table public.parent
CREATE TABLE public.parent (
  id int NOT NULL,
  CONSTRAINT parent_pkey PRIMARY KEY (id)
);

-- add foreign key child_parent_id_fkey on public.child
ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent (id) NOT VALID;
ALTER TABLE public.child VALIDATE CONSTRAINT child_parent_id_fkey;

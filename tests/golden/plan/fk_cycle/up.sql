-- schemac plan: 4 changes
--   create table public.a
--   create table public.b
--   add foreign key a_b_id_fkey on public.a
--   add foreign key b_a_id_fkey on public.b

-- create table public.a
CREATE TABLE public.a (
  id int NOT NULL,
  b_id int,
  CONSTRAINT a_pkey PRIMARY KEY (id)
);

-- create table public.b
CREATE TABLE public.b (
  id int NOT NULL,
  a_id int,
  CONSTRAINT b_pkey PRIMARY KEY (id)
);

-- add foreign key a_b_id_fkey on public.a
ALTER TABLE public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b (id);

-- add foreign key b_a_id_fkey on public.b
ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a (id);

-- schemac plan: 4 changes
--   create table public.a
--   create table public.b
--   add foreign key a_b_id_fkey on public.a
--   add foreign key b_a_id_fkey on public.b

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

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

COMMIT;

-- schemac plan: 3 changes
--   create table public.parent
--   add foreign key child_parent_id_fkey on public.child
--     note: added NOT VALID: checks new rows at once; a later change validates the existing ones
--   validate constraint child_parent_id_fkey on public.child  [in a transaction of its own]
--     note: scans the existing rows while reads and writes continue

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- create table public.parent
CREATE TABLE public.parent (
  id int NOT NULL,
  CONSTRAINT parent_pkey PRIMARY KEY (id)
);

-- add foreign key child_parent_id_fkey on public.child
ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent (id) NOT VALID;

COMMIT;

-- schemac:section 2 transactional
BEGIN;

-- validate constraint child_parent_id_fkey on public.child
ALTER TABLE public.child VALIDATE CONSTRAINT child_parent_id_fkey;

COMMIT;

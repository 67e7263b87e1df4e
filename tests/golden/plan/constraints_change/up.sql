-- schemac plan: 10 changes
--   validate constraint child_qty_check on public.child once DOWN adds it back  [in a transaction of its own]
--     note: DOWN scans the existing rows while reads and writes continue
--   drop constraint parent_code_key on public.parent  [ACCESS EXCLUSIVE lock]
--   drop constraint child_qty_check on public.child  [ACCESS EXCLUSIVE lock]
--   add constraint child_parent_id_qty_key on public.child  [ACCESS EXCLUSIVE lock]
--     note: builds a unique index under ACCESS EXCLUSIVE
--   add constraint child_qty_check on public.child  [ACCESS EXCLUSIVE lock]
--     note: added NOT VALID: checks new rows at once; a later change validates the existing ones
--   add constraint qty_small on public.child  [ACCESS EXCLUSIVE lock]
--     note: added NOT VALID: checks new rows at once; a later change validates the existing ones
--   add foreign key child_parent_id_fkey on public.child
--     note: added NOT VALID: checks new rows at once; a later change validates the existing ones
--   validate constraint child_parent_id_fkey on public.child  [in a transaction of its own]
--     note: scans the existing rows while reads and writes continue
--   validate constraint child_qty_check on public.child  [in a transaction of its own]
--     note: scans the existing rows while reads and writes continue
--   validate constraint qty_small on public.child  [in a transaction of its own]
--     note: scans the existing rows while reads and writes continue

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop constraint parent_code_key on public.parent
ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;

-- drop constraint child_qty_check on public.child
ALTER TABLE public.child DROP CONSTRAINT child_qty_check;

-- add constraint child_parent_id_qty_key on public.child
ALTER TABLE public.child ADD CONSTRAINT child_parent_id_qty_key UNIQUE (parent_id, qty);

-- add constraint child_qty_check on public.child
ALTER TABLE public.child ADD CONSTRAINT child_qty_check CHECK (qty >= 0) NOT VALID;

-- add constraint qty_small on public.child
ALTER TABLE public.child ADD CONSTRAINT qty_small CHECK (qty < 1000) NOT VALID;

-- add foreign key child_parent_id_fkey on public.child
ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent (id) ON DELETE SET NULL NOT VALID;

COMMIT;

-- schemac:section 2 transactional
BEGIN;

-- validate constraint child_parent_id_fkey on public.child
ALTER TABLE public.child VALIDATE CONSTRAINT child_parent_id_fkey;

COMMIT;

-- schemac:section 3 transactional
BEGIN;

-- validate constraint child_qty_check on public.child
ALTER TABLE public.child VALIDATE CONSTRAINT child_qty_check;

COMMIT;

-- schemac:section 4 transactional
BEGIN;

-- validate constraint qty_small on public.child
ALTER TABLE public.child VALIDATE CONSTRAINT qty_small;

COMMIT;

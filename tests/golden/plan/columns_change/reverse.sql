-- schemac plan: 9 changes, 1 destructive, 1 whose data DOWN cannot restore
--   drop column public.t.added  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.t.added is gone: this brings the column back, not its values
--   change type of public.t.id from bigint to int  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; UP first scans the table and fails, changing nothing, if a value does not fit int exactly
--   change type of public.t.name from varchar(50) to varchar(20)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; UP first scans the table and fails, changing nothing, if a value does not fit varchar(20) exactly
--   make public.t.name NOT NULL  [ACCESS EXCLUSIVE lock]
--     note: scans the whole table under ACCESS EXCLUSIVE; fails if a row holds NULL
--   change type of public.t.price from numeric(10,2) to numeric(20,8)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; DOWN first scans the table and fails, changing nothing, if a value does not fit numeric(10,2) exactly
--   drop default of public.t.note  [ACCESS EXCLUSIVE lock]
--   make public.t.note nullable  [ACCESS EXCLUSIVE lock]
--   set default of public.t.qty to 0  [ACCESS EXCLUSIVE lock]
--   add column public.t.old (text)  [ACCESS EXCLUSIVE lock]
--     note: NOT NULL without a default: fails if the table has rows

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop column public.t.added
ALTER TABLE public.t DROP COLUMN added;

-- change type of public.t.id from bigint to int
DO $schemac$
#variable_conflict use_column
BEGIN
  LOCK TABLE public.t IN ACCESS EXCLUSIVE MODE;
  IF EXISTS (SELECT FROM public.t WHERE id::int::bigint IS DISTINCT FROM id) THEN
    RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.id holds a value that int cannot keep exactly, so its type is not changed', HINT = 'see them with SELECT id FROM public.t WHERE id::int::bigint IS DISTINCT FROM id; change or delete those rows, or keep bigint';
  END IF;
EXCEPTION WHEN data_exception THEN
  RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.id holds a value that does not convert to int, so its type is not changed' || ': ' || SQLERRM, HINT = 'change or delete the rows whose id does not convert to int, or keep bigint';
END
$schemac$;
ALTER TABLE public.t ALTER COLUMN id TYPE int;

-- change type of public.t.name from varchar(50) to varchar(20)
DO $schemac$
#variable_conflict use_column
BEGIN
  LOCK TABLE public.t IN ACCESS EXCLUSIVE MODE;
  IF EXISTS (SELECT FROM public.t WHERE name::varchar(20)::varchar(50) IS DISTINCT FROM name) THEN
    RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.name holds a value that varchar(20) cannot keep exactly, so its type is not changed', HINT = 'see them with SELECT name FROM public.t WHERE name::varchar(20)::varchar(50) IS DISTINCT FROM name; change or delete those rows, or keep varchar(50)';
  END IF;
EXCEPTION WHEN data_exception THEN
  RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.name holds a value that does not convert to varchar(20), so its type is not changed' || ': ' || SQLERRM, HINT = 'change or delete the rows whose name does not convert to varchar(20), or keep varchar(50)';
END
$schemac$;
ALTER TABLE public.t ALTER COLUMN name TYPE varchar(20);

-- make public.t.name NOT NULL
ALTER TABLE public.t ALTER COLUMN name SET NOT NULL;

-- change type of public.t.price from numeric(10,2) to numeric(20,8)
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(20,8);

-- drop default of public.t.note
ALTER TABLE public.t ALTER COLUMN note DROP DEFAULT;

-- make public.t.note nullable
ALTER TABLE public.t ALTER COLUMN note DROP NOT NULL;

-- set default of public.t.qty to 0
ALTER TABLE public.t ALTER COLUMN qty SET DEFAULT 0;

-- add column public.t.old (text)
ALTER TABLE public.t ADD COLUMN old text NOT NULL;

COMMIT;

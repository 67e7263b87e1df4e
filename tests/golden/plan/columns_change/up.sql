-- schemac plan: 9 changes, 1 destructive, 1 whose data DOWN cannot restore
--   drop column public.t.old  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.t.old is gone: this brings the column back, not its values; its rows get '' (NOT NULL without a default), through a default dropped again
--   change type of public.t.id from int to bigint  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; DOWN first scans the table and fails, changing nothing, if a value does not fit int exactly
--   change type of public.t.name from varchar(20) to varchar(50)  [ACCESS EXCLUSIVE lock]
--     note: DOWN first scans the table and fails, changing nothing, if a value does not fit varchar(20) exactly
--   make public.t.name nullable  [ACCESS EXCLUSIVE lock]
--   change type of public.t.price from numeric(20,8) to numeric(10,2)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; UP first scans the table and fails, changing nothing, if a value does not fit numeric(10,2) exactly
--   set default of public.t.note to 'n/a'  [ACCESS EXCLUSIVE lock]
--   make public.t.note NOT NULL  [ACCESS EXCLUSIVE lock]
--     note: scans the whole table under ACCESS EXCLUSIVE; fails if a row holds NULL
--   drop default of public.t.qty  [ACCESS EXCLUSIVE lock]
--   add column public.t.added (timestamptz)  [ACCESS EXCLUSIVE lock]

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop column public.t.old
ALTER TABLE public.t DROP COLUMN old;

-- change type of public.t.id from int to bigint
ALTER TABLE public.t ALTER COLUMN id TYPE bigint;

-- change type of public.t.name from varchar(20) to varchar(50)
ALTER TABLE public.t ALTER COLUMN name TYPE varchar(50);

-- make public.t.name nullable
ALTER TABLE public.t ALTER COLUMN name DROP NOT NULL;

-- change type of public.t.price from numeric(20,8) to numeric(10,2)
DO $schemac$
#variable_conflict use_column
BEGIN
  LOCK TABLE public.t IN ACCESS EXCLUSIVE MODE;
  IF EXISTS (SELECT FROM public.t WHERE price::numeric(10,2)::numeric(20,8) IS DISTINCT FROM price) THEN
    RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.price holds a value that numeric(10,2) cannot keep exactly, so its type is not changed', HINT = 'see them with SELECT price FROM public.t WHERE price::numeric(10,2)::numeric(20,8) IS DISTINCT FROM price; change or delete those rows, or keep numeric(20,8)';
  END IF;
EXCEPTION WHEN data_exception THEN
  RAISE EXCEPTION USING MESSAGE = 'schemac: column public.t.price holds a value that does not convert to numeric(10,2), so its type is not changed' || ': ' || SQLERRM, HINT = 'change or delete the rows whose price does not convert to numeric(10,2), or keep numeric(20,8)';
END
$schemac$;
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(10,2);

-- set default of public.t.note to 'n/a'
ALTER TABLE public.t ALTER COLUMN note SET DEFAULT 'n/a';

-- make public.t.note NOT NULL
ALTER TABLE public.t ALTER COLUMN note SET NOT NULL;

-- drop default of public.t.qty
ALTER TABLE public.t ALTER COLUMN qty DROP DEFAULT;

-- add column public.t.added (timestamptz)
ALTER TABLE public.t ADD COLUMN added timestamptz DEFAULT now() NOT NULL;

COMMIT;

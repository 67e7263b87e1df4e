-- schemac plan: 9 changes, 2 destructive
--   drop column public.t.old  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   change type of public.t.id from int to bigint  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE
--   change type of public.t.name from varchar(20) to varchar(50)  [ACCESS EXCLUSIVE lock]
--   make public.t.name nullable  [ACCESS EXCLUSIVE lock]
--   change type of public.t.price from numeric(20,8) to numeric(10,2)  [DESTRUCTIVE, rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; can fail on or truncate existing values
--   set default of public.t.note to 'n/a'  [ACCESS EXCLUSIVE lock]
--   make public.t.note NOT NULL  [ACCESS EXCLUSIVE lock]
--     note: scans the whole table under ACCESS EXCLUSIVE; fails if a row holds NULL
--   drop default of public.t.qty  [ACCESS EXCLUSIVE lock]
--   add column public.t.added (timestamptz)  [ACCESS EXCLUSIVE lock]

-- drop column public.t.old
ALTER TABLE public.t DROP COLUMN old;

-- change type of public.t.id from int to bigint
ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint;

-- change type of public.t.name from varchar(20) to varchar(50)
ALTER TABLE public.t ALTER COLUMN name TYPE varchar(50) USING name::varchar(50);

-- make public.t.name nullable
ALTER TABLE public.t ALTER COLUMN name DROP NOT NULL;

-- change type of public.t.price from numeric(20,8) to numeric(10,2)
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(10,2) USING price::numeric(10,2);

-- set default of public.t.note to 'n/a'
ALTER TABLE public.t ALTER COLUMN note SET DEFAULT 'n/a';

-- make public.t.note NOT NULL
ALTER TABLE public.t ALTER COLUMN note SET NOT NULL;

-- drop default of public.t.qty
ALTER TABLE public.t ALTER COLUMN qty DROP DEFAULT;

-- add column public.t.added (timestamptz)
ALTER TABLE public.t ADD COLUMN added timestamptz DEFAULT now() NOT NULL;

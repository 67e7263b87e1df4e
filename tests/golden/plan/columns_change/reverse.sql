-- schemac plan: 9 changes, 3 destructive
--   drop column public.t.added  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   change type of public.t.id from bigint to int  [DESTRUCTIVE, rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; can fail on or truncate existing values
--   change type of public.t.name from varchar(50) to varchar(20)  [DESTRUCTIVE, rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE; can fail on or truncate existing values
--   make public.t.name NOT NULL  [ACCESS EXCLUSIVE lock]
--     note: scans the whole table under ACCESS EXCLUSIVE; fails if a row holds NULL
--   change type of public.t.price from numeric(10,2) to numeric(20,8)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: rewrites the table and its indexes under ACCESS EXCLUSIVE
--   drop default of public.t.note  [ACCESS EXCLUSIVE lock]
--   make public.t.note nullable  [ACCESS EXCLUSIVE lock]
--   set default of public.t.qty to 0  [ACCESS EXCLUSIVE lock]
--   add column public.t.old (text)  [ACCESS EXCLUSIVE lock]
--     note: NOT NULL without a default: fails if the table has rows

-- drop column public.t.added
ALTER TABLE public.t DROP COLUMN added;

-- change type of public.t.id from bigint to int
ALTER TABLE public.t ALTER COLUMN id TYPE int USING id::int;

-- change type of public.t.name from varchar(50) to varchar(20)
ALTER TABLE public.t ALTER COLUMN name TYPE varchar(20) USING name::varchar(20);

-- make public.t.name NOT NULL
ALTER TABLE public.t ALTER COLUMN name SET NOT NULL;

-- change type of public.t.price from numeric(10,2) to numeric(20,8)
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(20,8) USING price::numeric(20,8);

-- drop default of public.t.note
ALTER TABLE public.t ALTER COLUMN note DROP DEFAULT;

-- make public.t.note nullable
ALTER TABLE public.t ALTER COLUMN note DROP NOT NULL;

-- set default of public.t.qty to 0
ALTER TABLE public.t ALTER COLUMN qty SET DEFAULT 0;

-- add column public.t.old (text)
ALTER TABLE public.t ADD COLUMN old text NOT NULL;

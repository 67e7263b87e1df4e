-- schemac plan: 2 changes, 1 destructive
--   add 'hold' to enum public.side  [outside a transaction]
--     note: DOWN recreates the type: PostgreSQL cannot drop an enum value
--   recreate enum public.status (removes 'failed')  [DESTRUCTIVE, rewrites table, ACCESS EXCLUSIVE lock]
--     note: fails if a row still holds a removed value; rewrites every table that uses the type

-- add 'hold' to enum public.side [outside a transaction]
-- schemac:no-transaction
ALTER TYPE public.side ADD VALUE 'hold';

-- recreate enum public.status (removes 'failed')
ALTER TYPE public.status RENAME TO status_schemac_old;
CREATE TYPE public.status AS ENUM ('new', 'done');
ALTER TABLE public.orders ALTER COLUMN status TYPE public.status USING status::text::public.status;
DROP TYPE public.status_schemac_old;

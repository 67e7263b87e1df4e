-- schemac plan: 2 changes, 1 destructive
--   recreate enum public.side (removes 'hold')  [DESTRUCTIVE, rewrites table, ACCESS EXCLUSIVE lock]
--     note: fails if a row still holds a removed value; rewrites every table that uses the type
--   add 'failed' to enum public.status  [outside a transaction]
--     note: DOWN recreates the type: PostgreSQL cannot drop an enum value

-- recreate enum public.side (removes 'hold')
ALTER TYPE public.side RENAME TO side_schemac_old;
CREATE TYPE public.side AS ENUM ('buy', 'sell');
ALTER TABLE public.orders ALTER COLUMN side TYPE public.side USING side::text::public.side;
DROP TYPE public.side_schemac_old;

-- add 'failed' to enum public.status [outside a transaction]
-- schemac:no-transaction
ALTER TYPE public.status ADD VALUE 'failed';

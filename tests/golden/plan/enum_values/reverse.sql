-- schemac plan: 2 changes
--   recreate enum public.side (removes 'hold')  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: first scans every table that uses the type and fails, changing nothing, if a row still holds a removed value; rewrites every table that uses the type
--   add 'failed' to enum public.status  [outside a transaction]
--     note: DOWN recreates the type: PostgreSQL cannot drop an enum value

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- recreate enum public.side (removes 'hold')
DO $schemac$
#variable_conflict use_column
BEGIN
  LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE;
  IF EXISTS (SELECT FROM public.orders WHERE NOT (side::text = ANY (ARRAY['buy', 'sell']::text[]))) THEN
    RAISE EXCEPTION USING MESSAGE = 'schemac: column public.orders.side holds a value that enum public.side no longer has, so the enum is not changed', HINT = 'see them with SELECT side FROM public.orders WHERE NOT (side::text = ANY (ARRAY[''buy'', ''sell'']::text[])); change those rows to a label public.side keeps, or keep the label';
  END IF;
END
$schemac$;
ALTER TYPE public.side RENAME TO side_schemac_old;
CREATE TYPE public.side AS ENUM ('buy', 'sell');
ALTER TABLE public.orders ALTER COLUMN side TYPE public.side USING side::text::public.side;
DROP TYPE public.side_schemac_old;

COMMIT;

-- schemac:section 2 no-transaction
-- add 'failed' to enum public.status
ALTER TYPE public.status ADD VALUE 'failed';

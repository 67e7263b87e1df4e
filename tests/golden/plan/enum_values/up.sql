-- schemac plan: 2 changes
--   add 'hold' to enum public.side  [outside a transaction]
--     note: DOWN recreates the type: PostgreSQL cannot drop an enum value
--   recreate enum public.status (removes 'failed')  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: first scans every table that uses the type and fails, changing nothing, if a row still holds a removed value; rewrites every table that uses the type

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 no-transaction
-- add 'hold' to enum public.side
ALTER TYPE public.side ADD VALUE 'hold';

-- schemac:section 2 transactional
BEGIN;

-- recreate enum public.status (removes 'failed')
DO $schemac$
#variable_conflict use_column
BEGIN
  LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE;
  IF EXISTS (SELECT FROM public.orders WHERE NOT (status::text = ANY (ARRAY['new', 'done']::text[]))) THEN
    RAISE EXCEPTION USING MESSAGE = 'schemac: column public.orders.status holds a value that enum public.status no longer has, so the enum is not changed', HINT = 'see them with SELECT status FROM public.orders WHERE NOT (status::text = ANY (ARRAY[''new'', ''done'']::text[])); change those rows to a label public.status keeps, or keep the label';
  END IF;
END
$schemac$;
ALTER TYPE public.status RENAME TO status_schemac_old;
CREATE TYPE public.status AS ENUM ('new', 'done');
ALTER TABLE public.orders ALTER COLUMN status TYPE public.status USING status::text::public.status;
DROP TYPE public.status_schemac_old;

COMMIT;

-- schemac plan: 2 changes, 2 destructive, 1 whose data DOWN cannot restore
--   drop table "Work Space"."Mixed Case"  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of "Work Space"."Mixed Case" is gone: this creates the table again, empty
--   drop schema "Work Space"  [DESTRUCTIVE]

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop table "Work Space"."Mixed Case"
DROP TABLE "Work Space"."Mixed Case";

-- drop schema "Work Space"
DROP SCHEMA "Work Space";

COMMIT;

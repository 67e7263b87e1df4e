-- schemac plan: 2 changes, 2 destructive
--   drop table "Work Space"."Mixed Case"  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop schema "Work Space"  [DESTRUCTIVE]

-- drop table "Work Space"."Mixed Case"
DROP TABLE "Work Space"."Mixed Case";

-- drop schema "Work Space"
DROP SCHEMA "Work Space";

-- schemac plan: 2 changes
--   create schema "Work Space"
--   create table "Work Space"."Mixed Case"

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- create schema "Work Space"
CREATE SCHEMA "Work Space";

-- create table "Work Space"."Mixed Case"
CREATE TABLE "Work Space"."Mixed Case" (
  "order" int NOT NULL,
  "a""b" text DEFAULT 'it''s',
  "select" bool DEFAULT false NOT NULL,
  CONSTRAINT "Mixed Case_pkey" PRIMARY KEY ("order")
);
COMMENT ON TABLE "Work Space"."Mixed Case" IS 'It''s "quoted".';

COMMIT;

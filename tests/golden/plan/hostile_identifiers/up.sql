-- schemac plan: 2 changes
--   create schema "Work Space"
--   create table "Work Space"."Mixed Case"

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

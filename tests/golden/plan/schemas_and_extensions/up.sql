-- schemac plan: 4 changes
--   create schema workspace
--   create extension pgcrypto
--   create enum workspace.kind
--   create table workspace.items

-- create schema workspace
CREATE SCHEMA workspace;

-- create extension pgcrypto
DO $schemac$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'pgcrypto') THEN
    CREATE EXTENSION pgcrypto;
    COMMENT ON EXTENSION pgcrypto IS 'created by a schemac migration (its DOWN drops it)';
  END IF;
END
$schemac$;

-- create enum workspace.kind
CREATE TYPE workspace.kind AS ENUM ('a', 'b');

-- create table workspace.items
CREATE TABLE workspace.items (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  kind workspace.kind NOT NULL,
  CONSTRAINT items_pkey PRIMARY KEY (id)
);

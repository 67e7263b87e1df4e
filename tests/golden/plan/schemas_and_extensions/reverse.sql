-- schemac plan: 4 changes, 3 destructive, 1 whose data DOWN cannot restore
--   drop table workspace.items  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of workspace.items is gone: this creates the table again, empty
--   drop enum workspace.kind
--   drop extension pgcrypto  [DESTRUCTIVE]
--   drop schema workspace  [DESTRUCTIVE]

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- drop table workspace.items
DROP TABLE workspace.items;

-- drop enum workspace.kind
DROP TYPE workspace.kind;

-- drop extension pgcrypto
DROP EXTENSION pgcrypto;

-- drop schema workspace
DROP SCHEMA workspace;

COMMIT;

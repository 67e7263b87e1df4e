-- schemac plan: 4 changes, 3 destructive
--   drop table workspace.items  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop enum workspace.kind
--   drop extension pgcrypto  [DESTRUCTIVE]
--   drop schema workspace  [DESTRUCTIVE]

-- drop table workspace.items
DROP TABLE workspace.items;

-- drop enum workspace.kind
DROP TYPE workspace.kind;

-- drop extension pgcrypto
DROP EXTENSION pgcrypto;

-- drop schema workspace
DROP SCHEMA workspace;

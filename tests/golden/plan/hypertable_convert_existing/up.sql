-- schemac plan: 1 change
--   make public.ticks a hypertable on ts (moves existing rows into chunks)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: copies every row into chunks under ACCESS EXCLUSIVE; DOWN rebuilds a plain table

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- make public.ticks a hypertable on ts (moves existing rows into chunks)
SELECT create_hypertable('public.ticks', by_range('ts', INTERVAL '1 hour'), create_default_indexes => false, migrate_data => true);

COMMIT;

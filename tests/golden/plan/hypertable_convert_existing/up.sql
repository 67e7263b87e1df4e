-- schemac plan: 1 change
--   make public.ticks a hypertable on ts (moves existing rows into chunks)  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: copies every row into chunks under ACCESS EXCLUSIVE; DOWN rebuilds a plain table

-- make public.ticks a hypertable on ts (moves existing rows into chunks)
SELECT create_hypertable('public.ticks', by_range('ts', INTERVAL '1 hour'), create_default_indexes => false, migrate_data => true);

-- schemac plan: 5 changes, 2 destructive, 1 whose data DOWN cannot restore
--   remove retention policy on public.ticks
--   remove compression policy on public.ticks
--   disable compression on public.ticks  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: decompresses every compressed chunk first
--   drop table public.ticks  [DESTRUCTIVE, data not restored by DOWN, ACCESS EXCLUSIVE lock]
--     DOWN: the data of public.ticks is gone: this creates the table again, empty
--   drop extension timescaledb  [DESTRUCTIVE]

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- remove retention policy on public.ticks
SELECT remove_retention_policy('public.ticks', if_exists => true);

-- remove compression policy on public.ticks
SELECT remove_compression_policy('public.ticks', if_exists => true);

-- disable compression on public.ticks
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.ticks') c;
ALTER TABLE public.ticks SET (timescaledb.compress = false);

-- drop table public.ticks
DROP TABLE public.ticks;

-- drop extension timescaledb
DROP EXTENSION timescaledb;

COMMIT;

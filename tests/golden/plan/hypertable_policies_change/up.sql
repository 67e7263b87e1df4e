-- schemac plan: 4 changes
--   set chunk interval of public.ticks to 6 hours (was 1 hour; affects only chunks created from now on)
--   remove compression policy on public.ticks
--   disable compression on public.ticks  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: decompresses every compressed chunk first
--   change retention of public.ticks to 14 days (was 7 days)

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- set chunk interval of public.ticks to 6 hours (was 1 hour; affects only chunks created from now on)
SELECT set_chunk_time_interval('public.ticks', INTERVAL '6 hours');

-- remove compression policy on public.ticks
SELECT remove_compression_policy('public.ticks', if_exists => true);

-- disable compression on public.ticks
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('public.ticks') c;
ALTER TABLE public.ticks SET (timescaledb.compress = false);

-- change retention of public.ticks to 14 days (was 7 days)
SELECT remove_retention_policy('public.ticks', if_exists => true);
SELECT add_retention_policy('public.ticks', drop_after => INTERVAL '14 days');

COMMIT;

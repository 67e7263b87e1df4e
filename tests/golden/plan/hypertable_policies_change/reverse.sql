-- schemac plan: 4 changes
--   set chunk interval of public.ticks to 1 hour (was 6 hours; affects only chunks created from now on)
--   enable compression on public.ticks (segment by symbol_id)  [ACCESS EXCLUSIVE lock]
--   add compression policy on public.ticks (compress chunks older than 1 day)
--   change retention of public.ticks to 7 days (was 14 days)
--     note: shorter retention: older chunks are dropped at the next run

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 transactional
BEGIN;

-- set chunk interval of public.ticks to 1 hour (was 6 hours; affects only chunks created from now on)
SELECT set_chunk_time_interval('public.ticks', INTERVAL '1 hour');

-- enable compression on public.ticks (segment by symbol_id)
ALTER TABLE public.ticks SET (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id');

-- add compression policy on public.ticks (compress chunks older than 1 day)
SELECT add_compression_policy('public.ticks', compress_after => INTERVAL '1 day');

-- change retention of public.ticks to 7 days (was 14 days)
SELECT remove_retention_policy('public.ticks', if_exists => true);
SELECT add_retention_policy('public.ticks', drop_after => INTERVAL '7 days');

COMMIT;
before.dsl:7:3: warning: retention of public.ticks shrinks from 14 days to 7 days: chunks older than 7 days are dropped at the next run
    hypertable on ts {
    ^

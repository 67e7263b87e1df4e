-- schemac plan: 4 changes
--   set chunk interval of public.ticks to 6 hours (was 1 hour; affects only chunks created from now on)
--   remove compression policy on public.ticks
--   disable compression on public.ticks  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: decompresses every compressed chunk first
--   change retention of public.ticks to 14 days (was 7 days)

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

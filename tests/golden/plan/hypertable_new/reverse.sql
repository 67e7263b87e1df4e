-- schemac plan: 5 changes, 2 destructive
--   remove retention policy on public.ticks
--   remove compression policy on public.ticks
--   disable compression on public.ticks  [rewrites table, ACCESS EXCLUSIVE lock]
--     note: decompresses every compressed chunk first
--   drop table public.ticks  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   drop extension timescaledb  [DESTRUCTIVE]

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

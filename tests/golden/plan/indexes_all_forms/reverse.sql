-- schemac plan: 8 changes
--   drop index one_pending on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop index fts on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop index docs_title_idx on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop index docs_tags_idx on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop index docs_metadata_idx on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop index docs_lower_idx on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   drop index covering on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   create index docs_title_idx on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue

-- drop index one_pending on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.one_pending;

-- drop index fts on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.fts;

-- drop index docs_title_idx on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.docs_title_idx;

-- drop index docs_tags_idx on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.docs_tags_idx;

-- drop index docs_metadata_idx on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.docs_metadata_idx;

-- drop index docs_lower_idx on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.docs_lower_idx;

-- drop index covering on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.covering;

-- create index docs_title_idx on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY docs_title_idx ON public.docs (title);

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

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 no-transaction
-- drop index one_pending on public.docs
DROP INDEX CONCURRENTLY public.one_pending;

-- schemac:section 2 no-transaction
-- drop index fts on public.docs
DROP INDEX CONCURRENTLY public.fts;

-- schemac:section 3 no-transaction
-- drop index docs_title_idx on public.docs
DROP INDEX CONCURRENTLY public.docs_title_idx;

-- schemac:section 4 no-transaction
-- drop index docs_tags_idx on public.docs
DROP INDEX CONCURRENTLY public.docs_tags_idx;

-- schemac:section 5 no-transaction
-- drop index docs_metadata_idx on public.docs
DROP INDEX CONCURRENTLY public.docs_metadata_idx;

-- schemac:section 6 no-transaction
-- drop index docs_lower_idx on public.docs
DROP INDEX CONCURRENTLY public.docs_lower_idx;

-- schemac:section 7 no-transaction
-- drop index covering on public.docs
DROP INDEX CONCURRENTLY public.covering;

-- schemac:section 8 no-transaction
-- create index docs_title_idx on public.docs
CREATE INDEX CONCURRENTLY docs_title_idx ON public.docs (title);

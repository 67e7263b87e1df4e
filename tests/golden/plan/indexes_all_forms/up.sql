-- schemac plan: 8 changes
--   drop index docs_title_idx on public.docs  [outside a transaction]
--     note: dropped CONCURRENTLY
--   create index covering on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   create index docs_lower_idx on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   create index docs_metadata_idx on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   create index docs_tags_idx on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   create index docs_title_idx on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   create index fts on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue
--   create index one_pending on public.docs  [outside a transaction]
--     note: built CONCURRENTLY: reads and writes continue

-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a
-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single
-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay
-- applied, a failed transactional section leaves nothing behind.

-- schemac:section 1 no-transaction
-- drop index docs_title_idx on public.docs
DROP INDEX CONCURRENTLY public.docs_title_idx;

-- schemac:section 2 no-transaction
-- create index covering on public.docs
CREATE INDEX CONCURRENTLY covering ON public.docs (status) INCLUDE (title) WHERE status = 'PENDING';

-- schemac:section 3 no-transaction
-- create index docs_lower_idx on public.docs
CREATE INDEX CONCURRENTLY docs_lower_idx ON public.docs ((lower(title)));

-- schemac:section 4 no-transaction
-- create index docs_metadata_idx on public.docs
CREATE INDEX CONCURRENTLY docs_metadata_idx ON public.docs USING gin (metadata jsonb_path_ops);

-- schemac:section 5 no-transaction
-- create index docs_tags_idx on public.docs
CREATE INDEX CONCURRENTLY docs_tags_idx ON public.docs USING gin (tags);

-- schemac:section 6 no-transaction
-- create index docs_title_idx on public.docs
CREATE INDEX CONCURRENTLY docs_title_idx ON public.docs (title DESC NULLS LAST);

-- schemac:section 7 no-transaction
-- create index fts on public.docs
CREATE INDEX CONCURRENTLY fts ON public.docs USING gin ((to_tsvector('english', title || ' ' || body)));

-- schemac:section 8 no-transaction
-- create index one_pending on public.docs
CREATE UNIQUE INDEX CONCURRENTLY one_pending ON public.docs (title) WHERE status = 'PENDING';

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

-- drop index docs_title_idx on public.docs [outside a transaction]
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.docs_title_idx;

-- create index covering on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY covering ON public.docs (status) INCLUDE (title) WHERE status = 'PENDING';

-- create index docs_lower_idx on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY docs_lower_idx ON public.docs ((lower(title)));

-- create index docs_metadata_idx on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY docs_metadata_idx ON public.docs USING gin (metadata jsonb_path_ops);

-- create index docs_tags_idx on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY docs_tags_idx ON public.docs USING gin (tags);

-- create index docs_title_idx on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY docs_title_idx ON public.docs (title DESC NULLS LAST);

-- create index fts on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE INDEX CONCURRENTLY fts ON public.docs USING gin ((to_tsvector('english', title || ' ' || body)));

-- create index one_pending on public.docs [outside a transaction]
-- schemac:no-transaction
CREATE UNIQUE INDEX CONCURRENTLY one_pending ON public.docs (title) WHERE status = 'PENDING';

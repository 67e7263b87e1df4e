table docs {
  id       int primary key
  title    text
  body     text
  tags     text[]
  metadata jsonb
  status   text

  index (title desc nulls last)
  index using gin (tags)
  index using gin (metadata jsonb_path_ops)
  index fts using gin (to_tsvector('english', title || ' ' || body))
  unique index one_pending (title) where (status = 'PENDING')
  index covering (status) include (title) where (status = 'PENDING')
  index (lower(title))
}

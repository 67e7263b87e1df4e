table docs {
  id       int primary key
  title    text
  body     text
  tags     text[]
  metadata jsonb
  status   text

  index (title)
}

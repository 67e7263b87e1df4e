table ticks {
  id     bigint
  ts     timestamptz
  symbol text

  primary key (id)
  unique index (symbol)

  hypertable on ts {
    chunk_interval 0 minutes
  }
}

table labels {
  id   int primary key
  name text

  hypertable on name
}

extension timescaledb

table ticks {
  ts    timestamptz
  price numeric

  hypertable on ts {
    chunk_interval 1 day
    retention      30 days
  }
}

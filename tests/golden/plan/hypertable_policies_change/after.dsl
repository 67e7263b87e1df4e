extension timescaledb

table ticks {
  ts        timestamptz
  symbol_id int

  hypertable on ts {
    chunk_interval 6 hours
    retention      14 days
  }
}

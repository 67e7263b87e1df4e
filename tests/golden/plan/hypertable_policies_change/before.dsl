extension timescaledb

table ticks {
  ts        timestamptz
  symbol_id int

  hypertable on ts {
    chunk_interval 1 hour
    retention      7 days
    compression {
      segment_by symbol_id
      after      1 day
    }
  }
}

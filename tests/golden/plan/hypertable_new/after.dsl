extension timescaledb

table ticks {
  ts        timestamptz
  symbol_id int
  price     numeric(20,8)

  primary key (ts, symbol_id)
  index (symbol_id, ts desc)

  hypertable on ts {
    chunk_interval 30 minutes
    retention      7 days
    compression {
      segment_by symbol_id
      order_by   ts desc
      after      1 day
    }
  }
}

extension timescaledb

table ticks {
  ts        timestamptz
  symbol_id int
  price     numeric(20,8)

  primary key (ts, symbol_id)

  hypertable on ts {
    chunk_interval 1 hour
  }
}

// schemac:parent none
extension timescaledb

table symbols {
  id   int  primary key
  name text unique
}

table trades {
  ts        timestamptz
  symbol_id int           references symbols(id)
  price     numeric(20,8)

  hypertable on ts {
    chunk_interval 1 day
    retention 90 days
  }
}

table ticks {
  ts        timestamptz
  symbol_id int
  price     numeric(20,8)

  primary key (ts, symbol_id)

  hypertable on ts {
    chunk_interval 1 hour
    retention 14 days
    compression {
      segment_by symbol_id
      order_by ts desc
      after 2 days
    }
  }

  query latest(symbol_id) -> one {
    where symbol_id = :symbol_id
    order by ts desc
    limit 1
  }

  query recent(symbol_id, n int) -> many (ts, price) {
    where symbol_id = :symbol_id
    order by ts desc
    limit :n
  }
}

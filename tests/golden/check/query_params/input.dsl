table prices {
  ts        timestamptz
  symbol_id int
  price     numeric(20,8)

  primary key (ts, symbol_id)

  query latest(symbol_id, unused) -> one {
    where symbol_id = :symbol_id and ts < :before order by ts desc limit 1
  }
  query by_expr(x) -> many {
    where price * 2 > :x + 1
  }
}

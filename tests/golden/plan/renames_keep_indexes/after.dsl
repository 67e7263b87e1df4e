@renamed_from(trades)
table orders {
  id     bigint primary key
  @renamed_from(sym)
  symbol text
  qty    int check (qty > 0)
  unique (symbol, qty)
  index (symbol)
  // the predicate changed too: this one is rebuilt
  index (qty) where (qty > 100)
}

table fills {
  id       bigint primary key
  trade_id bigint references orders
  /// the fill's venue
  @renamed_from(venue)
  exchange text
  index (exchange)
}

table trades {
  id  bigint primary key
  sym text
  qty int check (qty > 0)
  unique (sym, qty)
  index (sym)
  index (qty) where (qty > 10)
}

table fills {
  id       bigint primary key
  trade_id bigint references trades
  /// the fill's venue
  venue    text
  index (venue)
}

extension timescaledb

enum side { buy, sell }

table symbols {
  id           int            identity primary key
  exchange_id  int            references exchanges(id) on delete cascade
  symbol_base  varchar(20)
  symbol_quote varchar(20)
  tick_size    numeric(20,8)?

  unique (exchange_id, symbol_base, symbol_quote)
  index (exchange_id)
}

table exchanges {
  id   int         identity primary key
  name varchar(50) unique
}

table exchanges {
  id   int primary key
  code varchar(10)
}

table symbols {
  id          int primary key
  exchange_id uuid references exchanges(id)
  market_id   int references markets(id)
  venue       int references exchanges(code)
}

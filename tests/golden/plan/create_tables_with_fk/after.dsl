enum market_type { spot, futures }

/// Exchanges we connect to.
table exchanges {
  id          int identity primary key
  name        varchar(50) unique
  market_type market_type
  created_at  timestamptz default now()
}

table symbols {
  id          bigserial primary key
  exchange_id int references exchanges(id) on delete cascade
  base        varchar(20)
  quote       varchar(20)

  unique (exchange_id, base, quote)
  index (exchange_id)
}

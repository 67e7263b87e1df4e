// perps-stats: perpetual futures statistics collected from several exchanges (plain PostgreSQL).
//
// Partitioning comes later: tickers, orderbooks, trades and funding_rates are meant to be partitioned by range
// on ts, one partition per day named {table}_{YYYY}_{MM}_{DD}, created 7 days ahead and dropped after 180 days.
// Native partitions are not in the language yet, so these tables are declared plainly here. Their primary and
// unique keys already include ts, as a partitioned table will need.

enum contract_type { perpetual, dated_future }

enum trade_side { buy, sell }

enum ingest_status { ok, partial, failed, skipped }

/// Exchanges we collect from: binance, bybit, kucoin, lighter, paradex, hyperliquid, cryptocom.
table exchanges {
  id         int         identity primary key
  /// Lower-case exchange name, as the collectors spell it.
  name       varchar(32) unique check (name ~ '^[a-z0-9_]+$')
  created_at timestamptz default now()

  query by_name(name) -> one {
    where name = :name
  }
}

/// Markets listed on each exchange.
table markets {
  id             int             identity primary key
  exchange_id    int             references exchanges(id) on delete cascade
  symbol         varchar(64)
  base_currency  varchar(20)
  quote_currency varchar(20)
  contract_type  contract_type   default 'perpetual'
  tick_size      numeric(28,12)? check (tick_size > 0)
  lot_size       numeric(28,12)? check (lot_size > 0)
  /// Whatever else the exchange says about the market.
  metadata       jsonb           default '{}'::jsonb
  created_at     timestamptz     default now()

  unique (exchange_id, symbol)

  query by_symbol(exchange_id, symbol) -> one {
    where exchange_id = :exchange_id and symbol = :symbol
  }
}

/// 24-hour ticker statistics. Partitioned by day on ts (later).
table tickers {
  id               bigserial
  exchange_id      int             references exchanges(id)
  market_id        int             references markets(id)
  symbol           varchar(64)
  last_price       numeric(28,12)?
  mark_price       numeric(28,12)?
  index_price      numeric(28,12)?
  best_bid         numeric(28,12)?
  best_ask         numeric(28,12)?
  volume_24h       numeric(38,12)?
  turnover_24h     numeric(38,12)?
  /// Relative change over 24 hours, 0.05 = +5 %.
  price_change_24h numeric(18,8)?
  high_24h         numeric(28,12)?
  low_24h          numeric(28,12)?
  /// Exchange timestamp: the partition key.
  ts               timestamptz
  received_at      timestamptz     default now()

  primary key (id, ts)
  index (symbol, ts desc)
  index (exchange_id, ts desc)

  query latest_for_symbol(exchange_id, symbol) -> one {
    where exchange_id = :exchange_id and symbol = :symbol
    order by ts desc
    limit 1
  }
}

/// Order book summaries (top levels) with the raw book kept for replay. Partitioned by day on ts (later).
table orderbooks {
  id            bigserial
  exchange_id   int             references exchanges(id)
  market_id     int             references markets(id)
  symbol        varchar(64)
  best_bid      numeric(28,12)?
  best_ask      numeric(28,12)?
  depth_levels  int             default 20 check (depth_levels > 0)
  bids_notional numeric(38,12)
  asks_notional numeric(38,12)
  spread_bps    numeric(18,8)?
  raw_book      jsonb
  ts            timestamptz
  received_at   timestamptz     default now()

  primary key (id, ts)
  index (symbol, ts desc)
  index (exchange_id, ts desc)
}

/// Public trades. Partitioned by day on ts (later).
table trades {
  id          bigserial
  exchange_id int            references exchanges(id)
  market_id   int            references markets(id)
  symbol      varchar(64)
  /// The exchange's own trade id: with the exchange and symbol it identifies a trade.
  trade_id    varchar(100)
  price       numeric(28,12) check (price > 0)
  size        numeric(38,12) check (size > 0)
  side        trade_side
  ts          timestamptz
  received_at timestamptz    default now()
  raw         jsonb?

  primary key (id, ts)
  unique (exchange_id, symbol, trade_id, ts)
  index (symbol, ts desc)
  index (exchange_id, ts desc)

  query recent_for_symbol(symbol, since) -> many {
    where symbol = :symbol and ts >= :since
    order by ts desc
  }
}

/// Funding rates of perpetual contracts. Partitioned by day on ts (later).
table funding_rates {
  id           bigserial
  exchange_id  int             references exchanges(id)
  market_id    int             references markets(id)
  symbol       varchar(64)
  rate         numeric(18,10)
  next_rate    numeric(18,10)?
  /// When the rate is charged, where the exchange says.
  funding_time timestamptz?
  ts           timestamptz
  received_at  timestamptz     default now()
  raw          jsonb?

  primary key (id, ts)
  index (symbol, ts desc)
  index (exchange_id, ts desc)

  query history(exchange_id, symbol, from, to) -> many {
    where exchange_id = :exchange_id and symbol = :symbol and ts >= :from and ts < :to
    order by ts
  }
}

/// What the collectors did: one row per fetch, with its outcome. Not partitioned.
table ingest_events {
  id          bigint        identity primary key
  exchange_id int?          references exchanges(id) on delete set null
  market_id   int?          references markets(id) on delete set null
  symbol      varchar(64)?
  event_type  varchar(50)
  status      ingest_status
  message     text?
  ts          timestamptz   default now()

  index (ts)
  index (status)

  query recent(since) -> many {
    where ts >= :since
    order by ts desc
  }

  query failures_since(since) -> many {
    where status = 'failed' and ts >= :since
    order by ts desc
    limit 100
  }
}

// schemac:parent none
// schema.dsl: the CEX arbitrage engine (TimescaleDB).
//
// Market data from several centralised exchanges lands in hypertables; the engine reads the latest rows per
// symbol to find cross-exchange spreads. Prices and quantities are numeric(20,8) so they stay exact in C++.

extension timescaledb

enum market_type { spot, futures }

enum trade_side { buy, sell }

enum collector_state { starting, connected, degraded, reconnecting, stopped }

/// Exchanges we connect to, one row per market type.
table exchanges {
  id            int         identity primary key
  /// {EXCHANGE}_{MARKET}, for example MEXC_SPOT or GATEIO_FUTURES.
  enum_value    varchar(50) unique
  exchange_name varchar(50)
  market_type   market_type
  is_active     bool        default true
  created_at    timestamptz default now()

  check chk_enum_format (enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$')

  query by_enum_value(enum_value varchar(50)) -> one {
    where enum_value = :enum_value
  }

  query active() -> many {
    where is_active = true
    order by id
  }
}

/// Tradable symbols, one row per exchange and pair.
table symbols {
  id              int            identity primary key
  exchange_id     int            references exchanges(id) on delete cascade
  symbol_base     varchar(20)
  symbol_quote    varchar(20)
  /// The symbol as the exchange spells it (BTCUSDT, BTC_USDT, BTC-USDT-SWAP).
  exchange_symbol varchar(50)
  tick_size       numeric(20,8)? check (tick_size > 0)
  lot_size        numeric(20,8)? check (lot_size > 0)
  min_notional    numeric(20,8)?
  is_active       bool           default true
  created_at      timestamptz    default now()
  updated_at      timestamptz    default now()

  unique (exchange_id, exchange_symbol)
  /// Fast lookup of one pair on one exchange.
  index (exchange_id, symbol_base, symbol_quote)
  /// The same pair across exchanges: what the arbitrage scan asks for.
  index (symbol_base, symbol_quote) where (is_active)

  query by_exchange_symbol(exchange_id int, exchange_symbol varchar(50)) -> one {
    where exchange_id = :exchange_id and exchange_symbol = :exchange_symbol
  }

  query for_pair(symbol_base varchar(20), symbol_quote varchar(20)) -> many {
    where symbol_base = :symbol_base and symbol_quote = :symbol_quote and is_active = true
    order by exchange_id
  }
}

/// Best bid/ask snapshots, high frequency.
table book_ticker_snapshots {
  timestamp timestamptz
  symbol_id int           references symbols(id)
  bid_price numeric(20,8) check (bid_price > 0)
  bid_qty   numeric(20,8) check (bid_qty >= 0)
  ask_price numeric(20,8) check (ask_price > 0)
  ask_qty   numeric(20,8) check (ask_qty >= 0)

  primary key (timestamp, symbol_id)
  index (symbol_id, timestamp desc)

  hypertable on timestamp {
    chunk_interval 30 minutes
    retention 7 days
    compression {
      segment_by symbol_id
      order_by timestamp desc
      after 1 day
    }
  }

  query latest_for_symbol(symbol_id int) -> one {
    where symbol_id = :symbol_id
    order by timestamp desc
    limit 1
  }

  query window_for_symbol(symbol_id int, from timestamptz, to timestamptz) -> many {
    where symbol_id = :symbol_id and timestamp >= :from and timestamp < :to
    order by timestamp
  }
}

/// Funding rates of perpetual futures, as each exchange publishes them.
table funding_rate_snapshots {
  timestamp    timestamptz
  symbol_id    int           references symbols(id)
  funding_rate numeric(20,8)
  /// When the rate is charged.
  funding_time timestamptz

  primary key (timestamp, symbol_id)
  index (symbol_id, timestamp desc)

  hypertable on timestamp {
    chunk_interval 1 hour
    retention 14 days
    compression {
      segment_by symbol_id
      order_by timestamp desc
      after 2 days
    }
  }

  query latest_for_symbol(symbol_id int) -> one {
    where symbol_id = :symbol_id
    order by timestamp desc
    limit 1
  }
}

/// Account balances per exchange and asset.
table balance_snapshots {
  timestamp         timestamptz
  exchange_id       int           references exchanges(id)
  asset_name        varchar(20)
  available_balance numeric(20,8) check (available_balance >= 0)
  locked_balance    numeric(20,8) default 0 check (locked_balance >= 0)

  primary key (timestamp, exchange_id, asset_name)
  index (exchange_id, asset_name, timestamp desc)

  hypertable on timestamp {
    chunk_interval 6 hours
    retention 14 days
  }

  query latest_for_asset(exchange_id int, asset_name varchar(20)) -> one {
    where exchange_id = :exchange_id and asset_name = :asset_name
    order by timestamp desc
    limit 1
  }
}

/// Public trades, high frequency.
table trade_snapshots {
  id        bigserial
  timestamp timestamptz
  symbol_id int           references symbols(id)
  price     numeric(20,8) check (price > 0)
  quantity  numeric(20,8) check (quantity > 0)
  side      trade_side

  primary key (timestamp, symbol_id, id)
  index (symbol_id, timestamp desc)

  hypertable on timestamp {
    chunk_interval 30 minutes
    retention 3 days
    compression {
      segment_by symbol_id
      order_by timestamp desc, id desc
      after 6 hours
    }
  }

  query recent_for_symbol(symbol_id int, n bigint) -> many {
    where symbol_id = :symbol_id
    order by timestamp desc
    limit :n
  }
}

/// Spreads worth acting on: buy on one exchange, sell on another.
table arbitrage_opportunities {
  id               bigserial
  timestamp        timestamptz
  symbol_id        int            references symbols(id)
  buy_exchange_id  int            references exchanges(id)
  sell_exchange_id int            references exchanges(id)
  buy_price        numeric(20,8)  check (buy_price > 0)
  sell_price       numeric(20,8)  check (sell_price > 0)
  /// Relative spread, (sell - buy) / buy.
  spread           numeric(20,8)
  max_quantity     numeric(20,8)?
  /// Expected profit after fees, in the quote asset.
  expected_profit  numeric(20,8)?
  executed         bool           default false

  primary key (timestamp, id)
  check (buy_exchange_id <> sell_exchange_id)
  index (symbol_id, timestamp desc)
  index (spread desc, timestamp desc) where (executed = false)

  hypertable on timestamp {
    chunk_interval 1 hour
    retention 14 days
    compression {
      segment_by symbol_id
      order_by timestamp desc
      after 1 day
    }
  }

  query recent(since timestamptz) -> many {
    where timestamp >= :since
    order by timestamp desc
  }
}

/// Order-flow features computed from the book and the trades.
table order_flow_metrics {
  timestamp   timestamptz
  symbol_id   int            references symbols(id)
  /// Order flow imbalance over the window, between -1 and 1.
  ofi_score   numeric(20,8)  check (ofi_score between -1 and 1)
  microprice  numeric(20,8)  check (microprice > 0)
  spread_bps  numeric(20,8)?
  buy_volume  numeric(20,8)  default 0
  sell_volume numeric(20,8)  default 0
  window_ms   int            default 1000 check (window_ms > 0)

  primary key (timestamp, symbol_id)
  index (symbol_id, timestamp desc)

  hypertable on timestamp {
    chunk_interval 1 hour
    retention 7 days
    compression {
      segment_by symbol_id
      order_by timestamp desc
      after 1 day
    }
  }

  query latest_for_symbol(symbol_id int) -> one {
    where symbol_id = :symbol_id
    order by timestamp desc
    limit 1
  }
}

/// Health of the market-data collectors, one row per exchange per report.
table collector_status {
  timestamp           timestamptz
  exchange_id         int             references exchanges(id)
  status              collector_state
  messages_per_second numeric(20,8)   default 0
  reconnects          int             default 0
  last_error          text?
  lag_ms              int?

  primary key (timestamp, exchange_id)
  index (exchange_id, timestamp desc)

  hypertable on timestamp {
    chunk_interval 6 hours
    retention 3 days
  }

  query latest_for_exchange(exchange_id int) -> one {
    where exchange_id = :exchange_id
    order by timestamp desc
    limit 1
  }
}

/// The team's template for a new entity, kept as a worked example.
table example_entities {
  id         bigserial
  timestamp  timestamptz
  symbol_id  int           references symbols(id)
  field1     numeric(20,8) check (field1 > 0)
  field2     varchar(50)   check (field2 ~ '^[A-Z0-9]+$')
  created_at timestamptz   default now()

  primary key (timestamp, symbol_id)
  index (symbol_id, timestamp desc)
  index (field1) where (field1 > 100)

  hypertable on timestamp {
    chunk_interval 1 hour
    retention 7 days
  }
}

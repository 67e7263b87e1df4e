// A file that uses every construct of the language and must check clean.
extension timescaledb
extension vector

enum market_type { spot, futures }
enum timeframe { '1m', '5m', '1h' }

/// Exchanges we connect to.
table exchanges {
  id            int identity primary key
  enum_value    varchar(50) unique
  exchange_name varchar(50)
  market_type   market_type
  created_at    timestamptz default now()

  check chk_enum_format (enum_value ~ '^[A-Z0-9]+_(SPOT|FUTURES)$')
}

table symbols {
  id           bigserial primary key
  exchange_id  int references exchanges(id) on delete cascade on update restrict
  symbol_base  varchar(20)
  symbol_quote varchar(20)
  tick_size    numeric(20,8)?
  tags         text[]
  metadata     jsonb default '{}'::jsonb
  embedding    vector(3)?
  spread       numeric(20,8) generated (tick_size * 2)
  is_active    bool default true

  unique (exchange_id, symbol_base, symbol_quote)
  index (exchange_id)
  index using gin (metadata jsonb_path_ops)
  index using gin (tags)
  unique index symbols_active_idx (exchange_id, symbol_base) where (is_active)
  index (lower(symbol_base) desc nulls last) include (symbol_quote)
}

/// Best bid/ask snapshots.
table book_ticker_snapshots {
  timestamp timestamptz
  symbol_id bigint references symbols(id)
  bid_price numeric(20,8) check (bid_price > 0)
  ask_price numeric(20,8)

  primary key (timestamp, symbol_id)
  index (symbol_id, timestamp desc)

  hypertable on timestamp {
    chunk_interval 30 minutes
    retention      7 days
    compression {
      segment_by symbol_id
      order_by   timestamp desc
      after      1 day
    }
  }

  query latest_for_symbol(symbol_id) -> one {
    where symbol_id = :symbol_id order by timestamp desc limit 1
  }
  query window_for_symbol(symbol_id, from, to) -> many (timestamp, bid_price) {
    where symbol_id = :symbol_id and timestamp >= :from and timestamp < :to order by timestamp
  }
}

schema workspace {
  @renamed_from(order_log)
  table order_history {
    id         uuid default gen_random_uuid()
    event_type varchar(50) check (event_type in ('CREATED', 'FILLED'))
    timestamp  timestamptz default now()
    @renamed_from(meta)
    metadata   jsonb? default '{}'

    primary key (id, timestamp)

    hypertable on timestamp {
      chunk_interval 1 month
    }
  }
}

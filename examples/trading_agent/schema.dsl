// Trading-system database (TimescaleDB, several schemas): orders in third normal form, market trades, the
// workspace, TP Capital signals and the Telegram gateway.

extension timescaledb

/// Orders as the trading system places them; their fills are in order_fills.
table orders {
  id              uuid           default gen_random_uuid() primary key
  user_id         uuid
  /// Chosen by the client so a retried request cannot place the order twice.
  idempotency_key varchar(64)
  symbol          varchar(20)
  side            varchar(4)     check (side in ('BUY', 'SELL'))
  order_type      varchar(10)    default 'LIMIT' check (order_type in ('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT'))
  quantity        decimal(18,8)  check (quantity > 0)
  /// Limit price; none for market orders.
  price           decimal(18,8)? check (price > 0)
  status          varchar(20)    default 'PENDING' check (status in ('PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'FAILED'))
  title           varchar(200)
  description     text           default ''
  tags            text[]         default '{}'
  metadata        jsonb          default '{}'
  created_at      timestamptz    default now()
  updated_at      timestamptz    default now()

  unique (user_id, idempotency_key)
  /// At most one open order per user and symbol.
  unique index (user_id, symbol) where (status in ('PENDING', 'SUBMITTED'))
  /// The pending-orders screen reads everything it shows from this index.
  index (user_id, created_at desc) include (symbol, side, quantity, price) where (status = 'PENDING')
  index using gin (tags)
  index using gin (metadata jsonb_path_ops)
  /// Full-text search over title and description.
  index using gin (to_tsvector('english', title || ' ' || description))

  query by_idempotency_key(user_id, idempotency_key) -> one {
    where user_id = :user_id and idempotency_key = :idempotency_key
  }

  query pending_for_user(user_id) -> many {
    where user_id = :user_id and status = 'PENDING'
    order by created_at desc
  }
}

/// Executions of an order; several for a partially filled one.
table order_fills {
  id               uuid          default gen_random_uuid() primary key
  order_id         uuid          references orders(id) on delete cascade
  fill_quantity    decimal(18,8) check (fill_quantity > 0)
  fill_price       decimal(18,8) check (fill_price > 0)
  fee              decimal(18,8) default 0 check (fee >= 0)
  fee_asset        varchar(10)?
  /// The exchange's id for this execution.
  exchange_fill_id varchar(100)?
  filled_at        timestamptz   default now()

  index (order_id, filled_at)

  query for_order(order_id) -> many {
    where order_id = :order_id
    order by filled_at
  }
}

/// Public trades from the exchanges, compressed after a week.
table market_trades {
  timestamp timestamptz
  symbol    varchar(20)
  trade_id  bigint
  price     decimal(18,8) check (price > 0)
  quantity  decimal(18,8) check (quantity > 0)
  side      varchar(4)    check (side in ('BUY', 'SELL'))

  primary key (symbol, timestamp, trade_id)
  index (symbol, timestamp desc)

  hypertable on timestamp {
    chunk_interval 1 day
    compression {
      segment_by symbol
      order_by timestamp desc
      after 7 days
    }
  }

  query recent(symbol, n) -> many {
    where symbol = :symbol
    order by timestamp desc
    limit :n
  }
  // The hourly continuous aggregate over this table (time_bucket('1 hour', timestamp)) comes later: continuous
  // aggregates are not in the language yet.
}

/// The analysts' workspace.
schema workspace {
  /// Notes, watchlists and layouts saved by users.
  table workspace_items {
    id         uuid         default gen_random_uuid()
    created_at timestamptz  default now()
    owner_id   uuid
    kind       varchar(20)  check (kind in ('NOTE', 'WATCHLIST', 'LAYOUT', 'ALERT'))
    title      varchar(200)
    content    jsonb        default '{}'
    tags       text[]       default '{}'

    primary key (id, created_at)
    index (owner_id, created_at desc)
    index using gin (tags)

    hypertable on created_at {
      chunk_interval 30 days
    }
  }

  /// Who changed which workspace item, and how.
  table workspace_audit_log {
    id        uuid        default gen_random_uuid()
    timestamp timestamptz default now()
    item_id   uuid
    actor_id  uuid
    action    varchar(20) check (action in ('CREATE', 'UPDATE', 'DELETE'))
    changes   jsonb       default '{}'

    primary key (id, timestamp)
    index (item_id, timestamp desc)
    index (actor_id, timestamp desc)

    hypertable on timestamp {
      chunk_interval 30 days
      retention 365 days
    }
  }

  /// Every state change of every order, as an append-only event log.
  table order_history {
    id         uuid        default gen_random_uuid()
    /// The order in public.orders this event belongs to.
    order_id   uuid        references public.orders(id)
    event_type varchar(50) check (event_type in ('CREATED', 'SUBMITTED', 'FILLED', 'PARTIALLY_FILLED', 'CANCELED', 'REJECTED', 'FAILED'))
    /// The event as the order service emitted it.
    event_data jsonb       default '{}'
    timestamp  timestamptz default now()
    metadata   jsonb?      default '{}'

    primary key (id, timestamp)
    index (order_id, timestamp desc)
    index (event_type)
    index (timestamp desc)
    index using gin (event_data)

    hypertable on timestamp {
      chunk_interval 30 days
    }

    query for_order(order_id) -> many {
      where order_id = :order_id
      order by timestamp
    }
  }
}

/// Signals from the TP Capital Telegram channels.
schema tp_capital {
  /// Telegram bots that read the channels.
  table telegram_bots {
    id         int          identity primary key
    username   varchar(100) unique
    /// Where the bot token is kept (a secret-store path); the token itself is never stored.
    token_ref  varchar(200)
    is_active  bool         default true
    created_at timestamptz  default now()
  }

  /// Channels the bots listen to; the id is Telegram's channel id.
  table telegram_channels {
    id         bigint       primary key
    bot_id     int          references telegram_bots(id)
    title      varchar(200)
    is_active  bool         default true
    created_at timestamptz  default now()

    index (bot_id)
  }

  /// Trade signals parsed from channel messages.
  table tp_capital_signals {
    id           uuid            default gen_random_uuid()
    received_at  timestamptz     default now()
    channel_id   bigint          references telegram_channels(id)
    symbol       varchar(20)
    direction    varchar(5)      check (direction in ('LONG', 'SHORT'))
    entry_price  decimal(18,8)   check (entry_price > 0)
    stop_loss    decimal(18,8)?  check (stop_loss > 0)
    take_profits decimal(18,8)[] default '{}'
    /// The message the signal was parsed from.
    raw_text     text
    status       varchar(20)     default 'NEW' check (status in ('NEW', 'EXECUTED', 'IGNORED', 'EXPIRED'))

    primary key (id, received_at)
    index (symbol, received_at desc)
    index (channel_id, received_at desc)

    hypertable on received_at {
      chunk_interval 1 day
      retention 180 days
    }

    query new_signals(since) -> many {
      where status = 'NEW' and received_at >= :since
      order by received_at
    }
  }
}

/// Raw Telegram traffic, kept for parsing and audit.
schema telegram_gateway {
  table channels {
    id           bigint        primary key
    username     varchar(100)? unique
    title        varchar(200)
    is_monitored bool          default true
    created_at   timestamptz   default now()
  }

  table messages {
    channel_id  bigint        references channels(id)
    message_id  bigint
    sent_at     timestamptz
    sender      varchar(100)?
    body        text
    media       jsonb?
    received_at timestamptz   default now()

    primary key (channel_id, message_id)
    index (sent_at desc)
    index using gin (to_tsvector('simple', body))

    query latest(channel_id, n) -> many {
      where channel_id = :channel_id
      order by message_id desc
      limit :n
    }
  }
}

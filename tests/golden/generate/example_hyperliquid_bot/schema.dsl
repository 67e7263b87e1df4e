// Hyperliquid trading bot (plain PostgreSQL + pgvector): strategy rules learnt from PDFs and videos, the trades
// taken with them, what was learnt from those trades, and the candles the backtests replay.

extension vector

enum source_type { pdf, youtube, manual }

enum trade_direction { long, short }

enum trade_outcome { win, loss, pending }

enum timeframe { '1m', '5m', '15m', '1h', '4h', '1d' }

enum task_status { queued, running, done, failed }

/// Trading rules extracted from a source, with their running track record.
table strategy_rules {
  id                  text              primary key
  name                varchar(200)
  source_type         source_type
  /// File name, video URL or author of the rule.
  source_ref          text
  entry_type          varchar(50)
  conditions          json
  confluence_required json
  risk_params         json
  confidence          double precision  check (confidence between 0 and 1)
  trade_count         int               default 0 check (trade_count >= 0)
  win_rate            double precision? check (win_rate between 0 and 1)
  avg_r_multiple      double precision?
  created_at          timestamptz       default now()

  /// Best rules first.
  index (confidence desc, win_rate desc, trade_count desc)

  query best(n) -> many {
    order by confidence desc, win_rate desc, trade_count desc
    limit :n
  }
}

/// Trades taken (or simulated) under a rule.
table trade_records {
  id               text              primary key
  strategy_rule_id text              references strategy_rules(id)
  asset            varchar(20)
  direction        trade_direction
  entry_price      numeric(20,8)     check (entry_price > 0)
  exit_price       numeric(20,8)?    check (exit_price > 0)
  entry_time       timestamptz
  exit_time        timestamptz?
  outcome          trade_outcome     default 'pending'
  /// Result in multiples of the risk taken.
  pnl_r            double precision?
  pnl_usd          numeric(20,8)?
  /// Why the bot took the trade, in its own words.
  reasoning        text
  confidence       double precision  check (confidence between 0 and 1)
  is_backtest      bool              default false

  check (exit_time is null or exit_time >= entry_time)
  index (entry_time desc)
  index (asset, entry_time desc)
  index (strategy_rule_id)
  index (is_backtest, entry_time desc)

  query for_rule(strategy_rule_id) -> many {
    where strategy_rule_id = :strategy_rule_id
    order by entry_time desc
  }

  query open_trades() -> many {
    where outcome = 'pending' and is_backtest = false
    order by entry_time
  }
}

/// Lessons drawn from trades; the embedding finds similar lessons for a new setup.
table learning_entries {
  id                text             primary key
  strategy_rule_id  text?            references strategy_rules(id) on delete set null
  insight           text
  /// Ids of the trade_records that support the insight.
  supporting_trades text[]           default '{}'
  confidence        double precision check (confidence between 0 and 1)
  impact_type       varchar(50)
  market_conditions json
  validation_count  int              default 0 check (validation_count >= 0)
  /// OpenAI text-embedding-3-small of the insight (1536 dimensions).
  embedding         vector(1536)?
  created_at        timestamptz      default now()

  index (validation_count desc, confidence desc)
  index (strategy_rule_id)
  index using hnsw (embedding vector_cosine_ops)
}

/// OHLCV candles from Hyperliquid, one row per asset, timeframe and open time.
table candle_data {
  id        serial        primary key
  asset     varchar(20)
  timeframe timeframe
  /// Open time of the candle.
  timestamp timestamptz
  open      numeric(20,8)
  high      numeric(20,8)
  low       numeric(20,8)
  close     numeric(20,8)
  volume    numeric(28,8) check (volume >= 0)

  check (low <= least(open, close) and high >= greatest(open, close))
  unique index (asset, timeframe, timestamp desc)

  query range(asset, timeframe, from, to) -> many {
    where asset = :asset and timeframe = :timeframe and timestamp >= :from and timestamp < :to
    order by timestamp
  }
}

/// A backtest to run: one rule over one asset and period.
table backtest_configs {
  id               text          primary key
  strategy_rule_id text          references strategy_rules(id) on delete cascade
  name             varchar(200)
  asset            varchar(20)
  timeframe        timeframe
  start_date       date
  end_date         date
  initial_capital  numeric(20,2) default 10000 check (initial_capital > 0)
  params           json          default '{}'
  created_at       timestamptz   default now()

  check (end_date > start_date)
  index (strategy_rule_id)
}

/// The outcome of a backtest run.
table backtest_results {
  id             text              primary key
  config_id      text              references backtest_configs(id) on delete cascade
  total_trades   int               check (total_trades >= 0)
  win_rate       double precision? check (win_rate between 0 and 1)
  avg_r_multiple double precision?
  max_drawdown   double precision?
  sharpe_ratio   double precision?
  total_pnl_usd  numeric(20,8)
  equity_curve   json
  completed_at   timestamptz       default now()

  index (config_id)
}

/// Sources waiting to be turned into strategy rules.
table ingestion_tasks {
  id          text         primary key
  source_type source_type
  source_ref  text
  status      task_status  default 'queued'
  error       text?
  created_at  timestamptz  default now()
  started_at  timestamptz?
  finished_at timestamptz?

  index (status, created_at) where (status in ('queued', 'running'))

  query next_queued() -> one {
    where status = 'queued'
    order by created_at
    limit 1
  }
}

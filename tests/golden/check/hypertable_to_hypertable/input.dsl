extension timescaledb

table trades {
  ts timestamptz
  id bigint

  primary key (ts, id)

  hypertable on ts
}

table fills {
  ts       timestamptz
  trade_ts timestamptz
  trade_id bigint

  foreign key (trade_ts, trade_id) references trades(ts, id)

  hypertable on ts
}

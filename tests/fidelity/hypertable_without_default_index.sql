-- server: tsdb
-- expect: exact
create extension timescaledb;
create table ticks (ts timestamptz not null, symbol_id int not null, price numeric(20,8), primary key (symbol_id, ts));
select create_hypertable('ticks', by_range('ts', interval '30 minutes'), create_default_indexes => false);
create index ticks_symbol_ts on ticks (symbol_id, ts desc);

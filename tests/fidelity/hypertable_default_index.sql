-- server: tsdb
-- expect: exact
create extension timescaledb;
create table ticks (ts timestamptz not null, symbol_id int not null, price numeric(20,8));
select create_hypertable('ticks', by_range('ts', interval '1 hour'));

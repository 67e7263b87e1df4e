-- server: tsdb
-- expect: exact
create extension timescaledb;
create table ticks (ts timestamptz not null, symbol_id int not null);
select create_hypertable('ticks', by_range('ts'));
select add_dimension('ticks', by_hash('symbol_id', 4));

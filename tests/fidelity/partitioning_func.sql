-- server: tsdb
-- expect: warns dimension 2 of the hypertable (symbol_id) has the custom partitioning function public.symbol_partition
create extension timescaledb;
create table ticks (ts timestamptz not null, symbol_id int not null);
create function symbol_partition(anyelement) returns int language sql immutable as 'select 0';
select create_hypertable('ticks', by_range('ts'));
select add_dimension('ticks', by_hash('symbol_id', 4, partition_func => 'symbol_partition'));

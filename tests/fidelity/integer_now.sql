-- server: tsdb
-- expect: exact
-- unmanaged: create function counters_now() returns bigint language sql stable as 'select extract(epoch from now())::bigint';
create extension timescaledb;
create table counters (n bigint not null, v int);
select create_hypertable('counters', by_range('n', 1000));
select set_integer_now_func('counters', 'counters_now');

-- server: tsdb
-- expect: warns the hypertable has the integer_now function
create extension timescaledb;
create table counters (n bigint not null, v int);
select create_hypertable('counters', by_range('n', 1000));
create function counters_now() returns bigint language sql stable as 'select coalesce(max(n), 0) from counters';
select set_integer_now_func('counters', 'counters_now');

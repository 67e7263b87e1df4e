-- server: tsdb
-- expect: exact
create extension timescaledb;
create table counters (n bigint not null, v int);
select create_hypertable('counters', by_range('n', 1000));

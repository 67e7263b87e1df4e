-- server: tsdb
-- expect: exact
-- Two extra dimensions in a schema of their own, the integer_now function in yet another one, rows inserted
-- before the second dimension (TimescaleDB gives the chunks that exist a slice of all values).
-- unmanaged: create schema clock;
-- unmanaged: create function clock."Now"() returns bigint language sql stable as 'select 0::bigint';
create extension timescaledb;
create schema market;
create table market.fills (seq bigint not null, venue text not null, placed_at timestamptz not null,
                           qty int, primary key (seq, venue, placed_at));
select create_hypertable('market.fills', by_range('seq', 100000));
select add_dimension('market.fills', by_hash('venue', 3));
insert into market.fills values (1, 'x', now(), 1);
select add_dimension('market.fills', by_range('placed_at', interval '6 hours'));
select set_integer_now_func('market.fills', 'clock."Now"');

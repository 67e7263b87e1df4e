-- server: tsl
-- expect: exact
-- Compression settings in full: two segment_by columns, order_by with desc and both nulls orders (the ones the
-- direction implies and the others), and a policy.
create extension if not exists timescaledb;
create table trades (ts timestamptz not null, symbol_id int not null, venue text not null, price numeric,
                     qty int, side text);
select create_hypertable('trades', by_range('ts', interval '1 day'));
alter table trades set (timescaledb.compress, timescaledb.compress_segmentby = 'symbol_id, venue',
                        timescaledb.compress_orderby = 'ts desc, price nulls first, qty desc nulls last, side');
select add_compression_policy('trades', compress_after => interval '3 days');

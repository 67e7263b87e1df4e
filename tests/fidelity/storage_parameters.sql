-- server: pg15
-- expect: exact
create table ticks (ts timestamptz, v int) with (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01, toast_tuple_target = 256);
create index ticks_ts on ticks (ts) with (fillfactor = 80);

-- server: pg15
-- expect: warns table public.ticks: it has storage parameters (fillfactor=90, autovacuum_vacuum_scale_factor=0.01, toast_tuple_target=256)
create table ticks (ts timestamptz, v int) with (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01, toast_tuple_target = 256);

-- server: pg15
-- expect: warns index t_v_idx is invalid (a CREATE INDEX CONCURRENTLY that failed); a plan rebuilds it
create table t (v int);
insert into t values (1), (1);
create index t_v_idx on t (v);
update pg_index set indisvalid = false where indexrelid = 't_v_idx'::regclass;

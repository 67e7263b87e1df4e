-- server: pg15
-- expect: warns constraint t_a_key is NULLS NOT DISTINCT
-- expect: warns index t_b_idx is NULLS NOT DISTINCT
create table t (a int unique nulls not distinct, b int);
create unique index t_b_idx on t (b) nulls not distinct;

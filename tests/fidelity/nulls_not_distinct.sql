-- server: pg15
-- expect: exact
create table t (a int unique nulls not distinct, b int);
create unique index t_b_idx on t (b) nulls not distinct;

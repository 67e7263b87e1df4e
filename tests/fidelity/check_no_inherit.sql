-- server: pg15
-- expect: exact
create table t (v int check (v > 0) no inherit);

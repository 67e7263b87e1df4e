-- server: pg15
-- expect: warns constraint t_v_check is NO INHERIT
create table t (v int check (v > 0) no inherit);

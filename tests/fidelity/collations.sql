-- server: pg15
-- expect: exact
create table t (name text collate "C", code text);

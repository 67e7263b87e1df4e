-- server: pg15
-- expect: warns column name has the collation "C"
create table t (name text collate "C", code text);

-- server: pg15
-- expect: warns column name has the collation "C"
-- expect: warns index t_code has a key with the collation "C"
create table t (name text collate "C", code text);
create index t_code on t (code collate "C");

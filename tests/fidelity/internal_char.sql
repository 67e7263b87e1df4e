-- server: pg15
-- expect: warns column flag has the type "char"
create table t (flag "char" not null, c char(1));

-- server: pg15
-- expect: exact
create table t (flag "char" not null, c char(1));

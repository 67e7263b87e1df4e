-- server: pg15
-- expect: warns column during has the type tstzrange
-- expect: warns column ids has the type int8range
create table slots (during tstzrange, ids int8range);

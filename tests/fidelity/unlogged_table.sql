-- server: pg15
-- expect: exact
create unlogged table staging (id int, v text);

-- server: pg15
-- expect: exact
create table a (id int primary key, x int, constraint ux unique (x) deferrable initially deferred);

-- server: pg15
-- expect: warns constraint ux is DEFERRABLE INITIALLY DEFERRED
create table a (id int primary key, x int, constraint ux unique (x) deferrable initially deferred);

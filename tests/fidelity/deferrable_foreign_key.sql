-- server: pg15
-- expect: exact
create table a (id int primary key);
create table b (a_id int references a (id) deferrable);

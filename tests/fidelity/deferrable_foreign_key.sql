-- server: pg15
-- expect: warns constraint b_a_id_fkey is DEFERRABLE
create table a (id int primary key);
create table b (a_id int references a (id) deferrable);

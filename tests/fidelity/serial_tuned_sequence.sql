-- server: pg15
-- expect: warns column id is serial, and its sequence t_id_seq has options of its own (START WITH 1000 INCREMENT BY 10)
create table t (id serial primary key, v text);
alter sequence t_id_seq start 1000 increment 10;

-- server: pg15
-- expect: exact
create table counters (id serial primary key, big bigserial, small smallserial, v int);

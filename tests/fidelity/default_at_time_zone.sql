-- server: pg15
-- expect: exact
create table audit (at timestamp not null default (now() at time zone 'utc'), v int);

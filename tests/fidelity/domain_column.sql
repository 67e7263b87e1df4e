-- server: pg15
-- expect: warns column qty has the domain type public.positive
create domain positive as numeric check (value > 0);
create table fills (qty positive not null);

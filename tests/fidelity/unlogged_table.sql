-- server: pg15
-- expect: warns table public.staging: it is UNLOGGED
create unlogged table staging (id int, v text);

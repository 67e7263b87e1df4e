-- server: pg15
-- expect: warns constraint px_positive is NOT VALID; a declaration holds every constraint valid
create table prices (px numeric);
alter table prices add constraint px_positive check (px > 0) not valid;

-- server: pg15
-- expect: exact
create table fills (qty numeric not null, price numeric not null, notional numeric generated always as (qty * price) stored);

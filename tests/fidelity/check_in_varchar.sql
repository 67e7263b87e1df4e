-- server: pg15
-- expect: exact
create table orders (side varchar(4) not null check (side in ('BUY', 'SELL')));

-- server: pg15
-- expect: exact
create sequence order_numbers;
create table orders (n bigint not null default nextval('order_numbers'), v int);

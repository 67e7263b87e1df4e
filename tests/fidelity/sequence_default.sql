-- server: pg15
-- expect: warns column n draws its default from a sequence it does not own
-- expect: warns sequence public.order_numbers
create sequence order_numbers;
create table orders (n bigint not null default nextval('order_numbers'), v int);

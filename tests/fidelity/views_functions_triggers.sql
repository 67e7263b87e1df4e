-- server: pg15
-- expect: warns view public.open_orders
-- expect: warns function public.touch()
-- expect: warns trigger orders_touch on public.orders
create table orders (id int primary key, updated timestamptz);
create view open_orders as select id from orders;
create function touch() returns trigger language plpgsql as 'begin new.updated := now(); return new; end';
create trigger orders_touch before update on orders for each row execute function touch();

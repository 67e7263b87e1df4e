-- server: pg15
-- expect: exact
create type side as enum ('buy', 'sell');
create table events (id bigint primary key, body jsonb not null, sides side[] not null default '{}', labels text[]);
create index events_body on events using gin (body jsonb_path_ops);
create index events_labels on events using gin (labels);

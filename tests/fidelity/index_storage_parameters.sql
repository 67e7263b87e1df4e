-- server: pg15
-- expect: exact
create table ticks (ts timestamptz, v int, tags text[]);
create index ticks_ts on ticks (ts) with (fillfactor = 70, deduplicate_items = off);
create index ticks_tags on ticks using gin (tags) with (fastupdate = off, gin_pending_list_limit = 128);

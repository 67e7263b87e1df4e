-- server: pg15
-- expect: exact
-- An exclusion constraint with an expression key, an operator class, a predicate and deferrability, and one on
-- a table that also has the same keys in a plain index.
create extension btree_gist;
create table shifts (
  id bigint generated always as identity primary key,
  worker text not null,
  starts timestamptz not null,
  ends timestamptz not null,
  cancelled bool not null default false,
  constraint shifts_no_overlap exclude using gist (lower(worker) with =, tstzrange(starts, ends) with &&)
    where (not cancelled) deferrable initially deferred
);
create table rooms (room int, during tsrange);
alter table rooms add exclude using gist (room gist_int4_ops with =, during with -|-);
create index rooms_room_idx on rooms (room);

-- server: pg15
-- expect: exact
create table people (name text collate "C", note varchar(40) collate "C");
create index people_lower_idx on people (lower(name));
create index people_keys_idx on people ((lower(name) collate "POSIX"), lower(note), (name collate "POSIX"));

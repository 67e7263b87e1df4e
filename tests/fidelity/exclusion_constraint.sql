-- server: pg15
-- expect: exact
create extension btree_gist;
create table bookings (room int, during tstzrange, exclude using gist (room with =, during with &&));

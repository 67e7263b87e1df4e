-- server: pg15
-- expect: warns constraint bookings_room_during_excl is an exclusion constraint
create extension btree_gist;
create table bookings (room int, during tstzrange, exclude using gist (room with =, during with &&));

-- server: pg15
-- expect: exact
create extension btree_gist;
create table slots (during tstzrange not null, ids int8range default '[1,10)', days daterange[],
                    busy tstzmultirange, n numrange check (not isempty(n)), ts tsrange, i4 int4range,
                    i4m int4multirange, i8m int8multirange, nm nummultirange, tsm tsmultirange,
                    dm datemultirange);
create index slots_during_idx on slots using gist (during);

-- server: pg15
-- expect: exact
create table t (m money not null default 0, b bit(8), b1 bit, vb varbit(16), vbu bit varying,
                bits bit(4)[] default '{0101}', check (b <> B'00000000'));
create index t_vb_idx on t (vb);

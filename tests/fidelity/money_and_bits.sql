-- server: pg15
-- expect: warns column m has the type money
-- expect: warns column b has the type bit(8)
-- expect: warns column vb has the type bit varying(16)
create table t (m money, b bit(8), vb varbit(16));

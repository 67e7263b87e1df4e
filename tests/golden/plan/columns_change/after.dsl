table t {
  id    bigint primary key
  name  varchar(50)?
  price numeric(10,2)
  note  text default 'n/a'
  qty   int
  added timestamptz default now()
}

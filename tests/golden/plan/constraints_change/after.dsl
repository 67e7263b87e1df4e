table parent {
  id   int primary key
  code text
}

table child {
  id        int primary key
  parent_id int references parent(id) on delete set null
  qty       int check (qty >= 0)

  unique (parent_id, qty)
  check qty_small (qty < 1000)
}

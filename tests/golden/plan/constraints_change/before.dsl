table parent {
  id   int primary key
  code text unique
}

table child {
  id        int primary key
  parent_id int
  qty       int check (qty > 0)
}

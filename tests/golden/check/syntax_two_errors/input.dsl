table a {
  id int primary key
  price numeric(20,
}

table b {
  id int primary key
  x int default
}

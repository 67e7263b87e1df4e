table a {
  id   int primary key
  b_id int? references b(id)
}

table b {
  id   int primary key
  a_id int? references a(id)
}

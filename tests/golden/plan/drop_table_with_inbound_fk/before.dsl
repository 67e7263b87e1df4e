table parent {
  id int primary key
}

table child {
  id        int primary key
  parent_id int references parent(id)
}

table child {
  id        int primary key
  parent_id int
}

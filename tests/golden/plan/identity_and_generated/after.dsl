table t {
  id    int identity always primary key
  a     int
  b     int
  total int generated (a + b)
}

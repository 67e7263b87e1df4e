table t {
  a int
  unique (a)
  unique index (a desc)
}

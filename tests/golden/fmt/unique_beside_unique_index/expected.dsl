table t {
  a int unique

  unique index (a desc)
}

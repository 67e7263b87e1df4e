table t {
  a int
  check t_a_check1 (a > 0)
  check (a < 10)
  unique (a)
  unique t_a_key (a)
}

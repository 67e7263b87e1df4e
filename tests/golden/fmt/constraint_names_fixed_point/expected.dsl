table t {
  a int unique check (a < 10) check (a > 0)

  unique t_a_key (a)
}

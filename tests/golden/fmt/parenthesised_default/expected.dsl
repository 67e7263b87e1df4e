table t {
  a int  default ((1))
  b int  default 1
  c int  default ((1))::bigint
  d text default (('x'))
}

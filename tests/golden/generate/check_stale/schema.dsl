enum side { buy, sell }

table t {
  id   int primary key
  side side
}

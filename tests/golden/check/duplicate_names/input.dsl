table t {
  id int primary key
  id bigint
}

table t {
  id int primary key
}

enum side { buy, sell, buy }

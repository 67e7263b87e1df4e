// A table whose name was left out (the fuzzer's crash).
table {
  id int primary key
}

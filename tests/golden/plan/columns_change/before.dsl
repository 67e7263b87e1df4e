table t {
  id    int primary key
  name  varchar(20)
  price numeric(20,8)
  note  text?
  qty   int default 0
  old   text
}

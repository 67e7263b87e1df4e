table devices {
  id  int primary key
  mac macaddr
  at  timetz?
}

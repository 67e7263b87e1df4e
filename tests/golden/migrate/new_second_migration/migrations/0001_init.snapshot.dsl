// schemac:parent none
table accounts {
  id    int  primary key
  email text
}

table accounts {
  id    int primary key
  email text
  note  text
}

table sessions {
  id         int primary key
  account_id int references accounts
}

table symbols {
  id        int primary key
  symbol_id int

  index (symbl_id)
}

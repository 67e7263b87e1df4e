table prices {
  id    int primary key
  venue text default 'Zürich'
}

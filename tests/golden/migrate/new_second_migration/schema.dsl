table accounts {
  id         int primary key
  email      text
  created_at timestamptz default now()

  index (email)
}

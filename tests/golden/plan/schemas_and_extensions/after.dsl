extension pgcrypto

schema workspace {
  enum kind { a, b }

  table items {
    id   uuid default gen_random_uuid() primary key
    kind kind
  }
}

// schemac:parent h1:2492c6261c396a4fa8773016e09dc450b0ef8969dd1a1ab4cd58c9880c7779be (0001_init)
table accounts {
  id         int         primary key
  email      text
  created_at timestamptz default now()

  index (email)
}

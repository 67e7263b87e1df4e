table order_log {
  id   int primary key
  meta jsonb
}

@renamed_from(order_log)
table order_history {
  id       int primary key
  @renamed_from(meta)
  metadata jsonb
}

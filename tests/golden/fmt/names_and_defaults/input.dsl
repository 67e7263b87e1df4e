table orders {
  id int
  qty int
  price numeric(18,8)
  constraint_holder int

  primary key orders_pkey (id)
  check orders_qty_check (qty > 0)
  check positive_price (price > 0)
  unique orders_price_key (price)
  index orders_qty_idx (qty)
  index by_price (price desc nulls last)
}

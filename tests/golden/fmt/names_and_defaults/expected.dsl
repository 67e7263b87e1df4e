table orders {
  id                int           primary key
  qty               int           check (qty > 0)
  price             numeric(18,8) unique
  constraint_holder int

  check positive_price (price > 0)
  index (qty)
  index by_price (price desc nulls last)
}

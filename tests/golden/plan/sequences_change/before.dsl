sequence order_numbers as int (start 1000 increment 10 cycle)
sequence retired

schema billing {
  sequence invoice_no
}

table orders {
  n bigint default nextval('order_numbers'::regclass)
  i bigint default nextval('billing.invoice_no')
}

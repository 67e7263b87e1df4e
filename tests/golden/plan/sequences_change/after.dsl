/// one number per order
@renamed_from(order_numbers)
sequence order_no (start 1000 increment 5)

schema billing {
  sequence invoice_no as int (maxvalue 900000 cache 20)
  sequence credit_no (start 100)
}

table orders {
  n bigint default nextval('order_no')
  i bigint default nextval('billing.invoice_no')
  c bigint? default nextval('billing.credit_no')
}

sequence by_text as text
sequence orders
sequence twice
sequence twice
sequence small as smallint (maxvalue 40000)
sequence backwards (start 5 minvalue 10)

table orders {
  id smallint identity (maxvalue 70000)
  n bigint default nextval('undeclared')
}

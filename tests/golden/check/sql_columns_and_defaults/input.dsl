// SQL inside tables, read with PostgreSQL's parser: names an expression uses must be columns, and a literal
// default must be a value of its column's type that the server stores as written (no rounding, no cutting).
enum side { 'BUY', 'SELL' }

table orders {
  id      bigint primary key
  qty     numeric(10,2) check (qty > 0 and m > 0)
  price   numeric(5,2) default 1.234
  small   smallint default 40000
  n       int default 'abc'
  frac    int default 1.5
  flag    bool default 'maybe'
  ok_flag bool default 'yes'
  ref     uuid default 'xyz'
  s       side default 'HOLD'
  code    varchar(3) default 'abcd'
  copy    int default id
  total   numeric generated (qty * pricee)
  // These fit: no error.
  p2      numeric(5,2) default 123.40
  neg     int default -5
  big     bigint default 9000000000
  u2      uuid default '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'
  s2      side default 'BUY'
  f2      bool default false
  t2      varchar(3) default 'ab '
  n2      int default ' 12 '

  index (lower(nme))
  index (id) where (statuss = 'open')
}

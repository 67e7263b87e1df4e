// A syntax error inside SQL is the file's error, at its place; a fragment must be one expression.
table t {
  id   int primary key
  a    int check (a >> > 0)
  b    int default (1 1)
  c    text
  d    int check (d > 0 and)

  index (c) where (c = 'x' or or)
  index ((c ||))

  // a // comment inside the SQL does not move the caret
  check (a > 0 // positive
    and a <)
}

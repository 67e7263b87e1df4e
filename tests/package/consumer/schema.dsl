// A tiny outside project's schema (tests/package/run.sh builds it against an installed schemac).

table widgets {
  id    int           identity primary key
  name  text
  price numeric(12,4)
}

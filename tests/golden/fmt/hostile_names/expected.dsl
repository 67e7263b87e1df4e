schema "Work Space" {
  table "Mixed Case" {
    "order"   int         primary key
    "a""b"    text?
    "check"   bool        default false
    timestamp timestamptz
  }
}

schema "Work Space" {
  /// It's "quoted".
  table "Mixed Case" {
    "order" int primary key
    "a""b"  text? default 'it''s'
    "select" bool default false
  }
}

/// It's the new text.
table t {
  id     int primary key
  amount int
  /// When it happened.
  at     timestamptz
}

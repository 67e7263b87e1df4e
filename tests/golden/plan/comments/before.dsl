/// Old text.
table t {
  id int primary key
  /// The amount.
  amount int
}

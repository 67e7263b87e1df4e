// numbering
sequence order_numbers as int (start 1000 cycle)  // trailing

sequence "Ticket Seq" as smallint (increment -1)

table t {
  n int default nextval('order_numbers')
}

schema billing {
  /// doc
  sequence invoice_no
}

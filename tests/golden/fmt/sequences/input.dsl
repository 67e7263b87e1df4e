// numbering
sequence   order_numbers   as integer ( start 1000   cycle )  // trailing
schema billing {
    /// doc
    sequence invoice_no as bigint
}
sequence "Ticket Seq" as int2 (increment -1)
table t {
  n int default nextval('order_numbers')
}

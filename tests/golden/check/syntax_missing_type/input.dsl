table quotes {
  id        int primary key
  bid_price
}

// CEX arbitrage engine

extension timescaledb  // needed for hypertables

/// Exchanges we connect to.
/// One row per market type.
table exchanges {
  // surrogate key
  id   int         identity primary key
  name varchar(50)  // display name
  // more columns later
}

// end of file

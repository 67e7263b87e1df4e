schema "Market Data" {
}

enum "Order Status" { "new", "in progress", "class" }

table "Order Lines" {
  "class"     int primary key
  "Price €"   numeric(20,8)
  "a b"       text
  "a_b"       text?
  "1st"       bool default false
  "état"      "Order Status"
  "insert"    int?

  query "find"(class) -> one {
    where "class" = :class
  }
}

table "Market Data"."Row" {
  "conn" int primary key
  "std"  text

  query by_conn(conn) -> many {
    where "conn" = :conn
  }
}

enum side { buy, sell }
enum status { new, done, failed }

table orders {
  id     int primary key
  side   side
  status status
}

enum side { buy, sell, hold }
enum status { new, done }

table orders {
  id     int primary key
  side   side
  status status
}

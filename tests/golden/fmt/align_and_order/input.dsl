table symbols { id int identity primary key
exchange_id int references exchanges(id) on delete cascade
  symbol_base varchar(20) symbol_quote varchar(20)
tick_size numeric(20,8)?
  index (exchange_id)   unique (exchange_id, symbol_base, symbol_quote)
}
extension timescaledb
table exchanges {
      id int identity primary key
   name varchar(50) unique
}
enum side { buy, sell }

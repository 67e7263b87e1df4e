table exchanges {
  id   int identity primary key
  name varchar(50)

table symbols {
  id int primary key
}

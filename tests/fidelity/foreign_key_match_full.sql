-- server: pg15
-- expect: exact
create table a (x int, y int, primary key (x, y));
create table b (x int, y int, constraint fb foreign key (x, y) references a (x, y) match full);

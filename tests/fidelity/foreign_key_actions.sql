-- server: pg15
-- expect: exact
create table parents (a int, b int, primary key (a, b));
create table children (id int primary key, a int, b int,
  foreign key (a, b) references parents (a, b) on update cascade on delete set null);
create table others (id int primary key, child_id int default 0 references children (id) on delete restrict on update set default);

-- server: pg15
-- expect: exact
create table accounts (id int primary key, code text, region text,
  constraint accounts_code_region unique nulls not distinct (code, region) deferrable initially deferred);
create table transfers (id int primary key deferrable, from_id int, to_id int, amount numeric check (amount > 0) no inherit,
  constraint transfers_from foreign key (from_id) references accounts (id) match full on delete cascade deferrable,
  constraint transfers_pair unique (id, to_id),
  constraint transfers_ref unique (from_id, id) deferrable,
  constraint transfers_to foreign key (to_id, from_id) references transfers (id, to_id) match full);

-- server: pg15
-- expect: exact
create schema billing;
create sequence billing.invoice_no as integer start 5000 increment 5 maxvalue 900000 cache 10 cycle;
comment on sequence billing.invoice_no is 'invoice numbers';
create sequence countdown increment -1 minvalue -1000 maxvalue -1 start -1;
create sequence "Ticket Seq" as smallint;
create table billing.invoices (
  no integer not null default nextval('billing.invoice_no'::regclass) primary key,
  down bigint not null default nextval('countdown'),
  ticket smallint default nextval('"Ticket Seq"')
);

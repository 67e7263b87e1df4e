// Query conditions are read with PostgreSQL's parser: a syntax error is reported, text in quotes is never a
// parameter, and a cast names the parameter's type.
table notes {
  id    bigint primary key
  body  text
  at    timestamptz

  query broken(id) -> one {
    where id = :id and and
  }

  query quoted(since) -> many {
    where body <> ':not_a_param' and at >= :since::timestamptz
  }

  query unknown(since) -> many {
    where bodyy = 'x' and at >= :sincee
  }
}

#include "catalog/readable.hpp"

#include <doctest/doctest.h>

using schemac::readable_expression;

TEST_CASE("readable: the server's = ANY (ARRAY[...]) of a check reads as IN again") {
  CHECK(readable_expression("(side)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying])"
                            "::text[])") == "side IN ('BUY', 'SELL')");
  // What the server makes of that text when it is applied as written.
  CHECK(readable_expression("(side)::text = ANY (ARRAY[('BUY'::character varying)::text, "
                            "('SELL'::character varying)::text])") == "side IN ('BUY', 'SELL')");
  CHECK(readable_expression("status = ANY (ARRAY['new'::order_status, 'it''s'::order_status])") ==
        "status IN ('new', 'it''s')");
  CHECK(readable_expression("(\"Side Name\")::text <> ALL (ARRAY['x'::text])") == "\"Side Name\" NOT IN ('x')");
}

TEST_CASE("readable: anything else is left as the server wrote it") {
  for (const char* e : {"qty > 0", "side = ANY (allowed())", "(a)::text = ANY (ARRAY[b, 'x'::text])",
                        "a = ANY (ARRAY[1, 2])", "t.side = ANY (ARRAY['a'::text])", "side < ANY (ARRAY['a'::text])",
                        "(side = ANY (ARRAY['a'::text])) OR (note IS NOT NULL)", "not valid sql ("})
    CHECK(readable_expression(e) == e);
}

TEST_CASE("readable: readable_checks rewrites the checks of every table and nothing else") {
  schemac::Schema s;
  schemac::Table t;
  t.name = "orders";
  schemac::Constraint check, unique;
  check.kind = schemac::Constraint::Kind::check;
  check.check_expr = "side = ANY (ARRAY['a'::text, 'b'::text])";
  unique.kind = schemac::Constraint::Kind::unique;
  unique.columns = {"side"};
  t.constraints = {check, unique};
  s.tables.push_back(t);
  schemac::readable_checks(s);
  CHECK(s.tables[0].constraints[0].check_expr == "side IN ('a', 'b')");
  CHECK(s.tables[0].constraints[1] == unique);
}

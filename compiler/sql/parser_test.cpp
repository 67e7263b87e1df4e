#include "sql/parser.hpp"

#include <doctest/doctest.h>

using namespace schemac;

TEST_CASE("parser: one expression, its tree") {
  SqlParse p = parse_expression("price > 0 AND \"Mixed Case\" < qty");
  REQUIRE(p.ok());
  CHECK(column_refs(p.tree) == std::vector<std::string>{"price", "Mixed Case", "qty"});
  // PostgreSQL folds unquoted names: what the server would look for.
  CHECK(column_refs(parse_expression("Price > 0").tree) == std::vector<std::string>{"price"});
  CHECK(column_refs(parse_expression("'m' = 'n' AND t.m > 1").tree) == std::vector<std::string>{"m"});
}

TEST_CASE("parser: syntax errors with their place in the expression") {
  SqlParse p = parse_expression("price >> > 0");
  CHECK_FALSE(p.ok());
  CHECK(p.error.find("syntax error") != std::string::npos);
  CHECK(p.error_offset == 9);  // the second '>'
  SqlParse end = parse_expression("price > ");
  CHECK_FALSE(end.ok());
  CHECK(end.error_offset == 8);  // at the end of the text
  SqlParse wide = parse_expression("'日本' = = 1");
  CHECK(wide.error_offset == 11);  // bytes, though the parser counts characters
}

TEST_CASE("parser: a fragment that is more than one expression is refused") {
  CHECK_FALSE(parse_expression("1, 2").ok());
  CHECK_FALSE(parse_expression("1 FROM pg_class").ok());
  CHECK_FALSE(parse_expression("1; DROP TABLE t").ok());
  CHECK_FALSE(parse_expression("1) UNION (SELECT 2").ok());
  CHECK_FALSE(parse_expression("a > 0 and").ok());  // not `a > 0 AS "and"`
  CHECK_FALSE(parse_expression("1 AS one").ok());
  CHECK(parse_expression("(1)").ok());
}

TEST_CASE("parser: volatile functions by call, not by spelling") {
  CHECK(calls_volatile_function(parse_expression("gen_random_uuid()").tree));
  CHECK(calls_volatile_function(parse_expression("(random() * 10)::int").tree));
  CHECK(calls_volatile_function(parse_expression("nextval('s'::regclass)").tree));
  CHECK_FALSE(calls_volatile_function(parse_expression("now()").tree));
  CHECK_FALSE(calls_volatile_function(parse_expression("'random'").tree));
  CHECK_FALSE(calls_volatile_function(parse_expression("randomness + 1").tree));
}

TEST_CASE("parser: statements") {
  SqlParse p = parse_sql("CREATE TABLE t (a int); SELECT 1;");
  REQUIRE(p.ok());
  CHECK(p.tree["stmts"].size() == 2);
  int tables = 0;
  each_node(p.tree, "CreateStmt", [&](const SqlTree&) { ++tables; });
  CHECK(tables == 1);
}

TEST_CASE("parser: the names PostgreSQL derives for expressions") {
  auto name = [](const char* e) { return expression_name(parse_expression(e).tree); };
  CHECK(name("lower(email)") == "lower");
  CHECK(name("public.f(a)") == "f");
  CHECK(name("(a)::text") == "a");
  CHECK(name("(a + 1)::text") == "text");
  CHECK(name("a::int") == "a");
  CHECK(name("(a + b)") == "");
  CHECK(name("lower(a) || b") == "");
  CHECK(name("coalesce(a, b)") == "coalesce");
  CHECK(name("CASE WHEN a THEN 1 END") == "case");
  CHECK(name("CASE WHEN a THEN 1 ELSE b END") == "b");
  CHECK(name("greatest(a, b)") == "greatest");
  CHECK(name("nullif(a, b)") == "nullif");
  CHECK(name("current_date") == "current_date");
  CHECK(name("\"Mixed\"") == "Mixed");
}

TEST_CASE("nextval_sequence: the sequence a nextval() default draws from, as PostgreSQL reads its name") {
  auto seq = [](std::string_view expr) {
    auto n = nextval_sequence(expr);
    return n ? n->schema + "." + n->name + (n->regclass_cast ? " (regclass)" : "") : std::string("none");
  };
  CHECK(seq("nextval('order_numbers')") == "public.order_numbers");
  CHECK(seq("nextval('order_numbers'::regclass)") == "public.order_numbers (regclass)");
  CHECK(seq("NEXTVAL('Billing.Invoice_No')") == "billing.invoice_no");
  CHECK(seq("pg_catalog.nextval('s')") == "public.s");
  CHECK(seq("nextval('\"Ticket Seq\"')") == "public.Ticket Seq");
  CHECK(seq("nextval('\"a\"\"b\".\"C\"')") == "a\"b.C");
  CHECK(seq("nextval('a.b.c')") == "none");
  CHECK(seq("nextval('a.')") == "none");
  CHECK(seq("nextval('\"open')") == "none");
  CHECK(seq("nextval('s') + 1") == "none");
  CHECK(seq("other.nextval('s')") == "none");
  CHECK(seq("nextval('s'::text)") == "none");
  CHECK(seq("nextval(name)") == "none");
  CHECK(seq("currval('s')") == "none");
  CHECK(seq("now()") == "none");
}

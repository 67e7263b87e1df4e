#include <doctest/doctest.h>

#include "builders.hpp"
#include "sql/names.hpp"

using namespace schemac;

namespace {
using test::chk;
using test::excl;
using test::expr_key;
using test::fk;
using test::idx;
using test::key;
using test::pk;
using test::uq;
using test::with_op;

Table table_with(std::vector<std::string> cols) {
  Table t;
  t.name = "orders";
  for (auto& c : cols) t.columns.push_back(test::col(c, test::ty("int")));
  return t;
}
Constraint check(std::string expr) { return chk("", std::move(expr)); }
Index index_on(std::vector<IndexKey> keys) { return idx("", std::move(keys)); }
}  // namespace

TEST_CASE("make_object_name cuts on a UTF-8 character boundary, as PostgreSQL does") {
  std::string cyr;  // 40 two-byte letters: 80 bytes
  for (int i = 0; i < 40; ++i) cyr += "\xd0\xb4";
  std::string name = make_object_name("t", cyr, "idx");  // 63 - 6 = 57 bytes for the column part: 28 letters
  CHECK(name == "t_" + cyr.substr(0, 56) + "_idx");
  CHECK(name.size() == 62);
  std::string cjk;  // 30 three-byte characters
  for (int i = 0; i < 30; ++i) cjk += "\xe5\xad\x97";
  name = make_object_name(cjk, cjk, "key");  // 58 bytes: 29 each, clipped to 27 (9 characters) each
  CHECK(name == cjk.substr(0, 27) + "_" + cjk.substr(0, 27) + "_key");
}

TEST_CASE("make_object_name shortens the longer part first to fit 63 bytes") {
  CHECK(make_object_name("t", "a_b", "idx") == "t_a_b_idx");
  CHECK(make_object_name("t", "", "pkey") == "t_pkey");
  std::string long1(60, 'x'), long2(10, 'y');
  std::string n = make_object_name(long1, long2, "idx");
  CHECK(n.size() == 63);
  CHECK(n == std::string(48, 'x') + "_" + std::string(10, 'y') + "_idx");
}

TEST_CASE("default constraint names follow PostgreSQL") {
  Table t = table_with({"id", "user_id", "status", "qty", "price"});
  t.constraints = {pk("", {"id"}), uq("", {"user_id", "status"}), fk("", {"user_id"}, "users"), check("qty > 0"), check("qty > 0 AND price > 0"), check("qty < 100")};
  CHECK(default_constraint_name(t, 0) == "orders_pkey");
  CHECK(default_constraint_name(t, 1) == "orders_user_id_status_key");
  CHECK(default_constraint_name(t, 2) == "orders_user_id_fkey");
  CHECK(default_constraint_name(t, 3) == "orders_qty_check");
  CHECK(default_constraint_name(t, 4) == "orders_check");
  CHECK(default_constraint_name(t, 5) == "orders_qty_check1");  // clash gets a number, as the server does
}

TEST_CASE("check names look past strings, casts and function names") {
  Table t = table_with({"side", "text", "lower"});
  t.constraints = {check("side IN ('text', 'lower')"), check("lower(side)::text = 'x'")};
  CHECK(default_constraint_name(t, 0) == "orders_side_check");
  CHECK(default_constraint_name(t, 1) == "orders_side_check1");
}

TEST_CASE("referenced_columns handles quoted names and doubled quotes") {
  std::vector<std::string> cols = {"Mixed Case", "a", "it's"};
  CHECK(referenced_columns("\"Mixed Case\" > 0 AND A < 'a'", cols) == std::vector<std::string>{"Mixed Case", "a"});
  CHECK(referenced_columns("'it''s' = 'a'", cols).empty());
}

TEST_CASE("default index names use columns, function names or expr") {
  Table t = table_with({"symbol_id", "ts", "email", "title"});
  t.indexes = {index_on({key("symbol_id"), key("ts", true)}), index_on({expr_key("lower(email)")}),
               index_on({expr_key("to_tsvector('english', title)")}), index_on({expr_key("lower(email) || title")}),
               index_on({key("symbol_id"), key("ts")})};
  CHECK(default_index_name(t, 0, {}) == "orders_symbol_id_ts_idx");
  CHECK(default_index_name(t, 1, {}) == "orders_lower_idx");
  CHECK(default_index_name(t, 2, {}) == "orders_to_tsvector_idx");
  CHECK(default_index_name(t, 3, {}) == "orders_expr_idx");
  CHECK(default_index_name(t, 4, {}) == "orders_symbol_id_ts_idx1");
  CHECK(default_index_name(t, 1, {"orders_lower_idx"}) == "orders_lower_idx1");
}

TEST_CASE("default sequence name") { CHECK(default_sequence_name("orders", "id") == "orders_id_seq"); }

TEST_CASE("default names are the defaults even for objects that spell a name, and stay fast for many objects") {
  Table t = table_with({"a"});
  for (int i = 0; i < 200; ++i) t.constraints.push_back(check("a > " + std::to_string(i)));
  CHECK(default_constraint_name(t, 199) == "orders_a_check199");
  t.indexes = {index_on({key("a")}), index_on({key("a")})};
  t.indexes[0].name = "mine";
  t.indexes[1].name = "orders_a_idx";
  CHECK(default_index_name(t, 0, {}) == "orders_a_idx");
  CHECK(default_index_name(t, 1, {}) == "orders_a_idx");  // "mine" took nothing from the default
}

TEST_CASE("an exclusion constraint's default name is its keys' with _excl, as PostgreSQL names it") {
  Table t = table_with({"room", "during"});
  t.constraints = {excl("", "gist", {with_op(key("room"), "="), with_op(key("during"), "&&")}),
                   excl("", "gist", {with_op(expr_key("lower(during)"), "=")}),
                   excl("", "gist", {with_op(key("room"), "="), with_op(key("during"), "&&")})};
  CHECK(default_constraint_name(t, 0) == "orders_room_during_excl");
  CHECK(default_constraint_name(t, 1) == "orders_lower_excl");
  CHECK(default_constraint_name(t, 2) == "orders_room_during_excl1");
}

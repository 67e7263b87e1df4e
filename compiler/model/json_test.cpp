#include "model/json.hpp"

#include <doctest/doctest.h>

#include "builders.hpp"

using namespace schemac;
using namespace schemac::test;

TEST_CASE("json: a foreign key names its target and actions; a check its text and no columns") {
  Constraint k = fk("o_c_fkey", {"c"}, "customers", {"id"});
  k.on_delete = FkAction::cascade;
  Json j = json_of(k);
  CHECK(j["kind"] == "foreign_key");
  CHECK(j["references"]["table"] == "customers");
  CHECK(j["references"]["columns"] == Json::array({"id"}));
  CHECK(j["on_delete"] == "cascade");
  CHECK(j["on_update"] == "no_action");
  Json c = json_of(chk("t_check", "a > 0"));
  CHECK(c["check"] == "a > 0");
  CHECK(!c.contains("columns"));
  CHECK(!c.contains("references"));
}

TEST_CASE("json: columns give the type as SQL writes it and null for what they lack") {
  Json j = json_of(with_default(col("price", ty("numeric", {20, 8}), true), "0"));
  CHECK(j["type"] == "numeric(20,8)");
  CHECK(j["nullable"] == true);
  CHECK(j["default"] == "0");
  CHECK(j["generated"].is_null());
  CHECK(j["identity"] == "none");
}

TEST_CASE("json: index keys name a nulls order only when it is not the implied one") {
  Index ix = idx("t_a_idx", {key("a", true), key("b", false, NullsOrder::first), expr_key("lower(c)")});
  Json keys = json_of(ix)["keys"];
  CHECK(keys[0] == Json{{"column", "a"}, {"desc", true}});
  CHECK(keys[1]["nulls"] == "first");
  CHECK(keys[2]["expr"] == "lower(c)");
}

TEST_CASE("json: spans are interval text, or a number for an integer time column") {
  CHECK(json_of(days(7)) == "7 days");
  CHECK(json_of(integer(1000)) == 1000);
  Hypertable h = hyper("ts");
  CHECK(json_of(h)["chunk_interval"].is_null());
  CHECK(json_of(h)["integer_now"].is_null());
  h.dimensions = {hash_dim("symbol_id", 4), range_dim("day", days(1))};
  h.integer_now_schema = "util";
  h.integer_now = "Now";
  CHECK(json_of(h)["dimensions"].dump() ==
        R"([{"column":"symbol_id","kind":"hash","partitions":4},{"column":"day","kind":"range","interval":"1 day"}])");
  CHECK(json_of(h)["integer_now"] == "util.\"Now\"");
}

TEST_CASE("json: text that is not UTF-8 comes out as U+FFFD, keys in the order written") {
  Json j = {{"b", "\xff"}, {"a", 1}};
  CHECK(dump_json(j) == "{\n  \"b\": \"\xef\xbf\xbd\",\n  \"a\": 1\n}\n");
}

#include <doctest/doctest.h>

#include "schemac/migrations.hpp"

using namespace schemac::runtime;

namespace {

std::vector<Migration> three() {
  return {{1, "init", "h1:a", {}, {}}, {2, "add_fees", "h1:b", {}, {}}, {3, "add_index", "h1:c", {}, {}}};
}

Applied row(int v, const std::string& name, const std::string& sum, RowState s = RowState::applied) {
  Applied a;
  a.version = v;
  a.name = name;
  a.checksum = sum;
  a.state = s;
  return a;
}

}  // namespace

TEST_CASE("migration labels have four-digit versions") {
  CHECK(Migration{7, "add_fees", {}, {}, {}}.label() == "0007_add_fees");
}

TEST_CASE("up runs the pending migrations up to --to, a partial one included") {
  auto ms = three();
  CHECK(up_plan(ms, {}, std::nullopt) == std::vector<size_t>{0, 1, 2});
  CHECK(up_plan(ms, {}, 2) == std::vector<size_t>{0, 1});
  std::vector<Applied> h{row(1, "init", "h1:a"), row(2, "add_fees", "h1:b", RowState::applying)};
  CHECK(up_plan(ms, h, std::nullopt) == std::vector<size_t>{1, 2});
  CHECK(up_plan(ms, h, 1).empty());
}

TEST_CASE("down reverts one step by default, --steps N, or everything above --to") {
  auto ms = three();
  std::vector<Applied> h{row(1, "init", "h1:a"), row(2, "add_fees", "h1:b"), row(3, "add_index", "h1:c")};
  CHECK(down_plan(ms, h, {}) == std::vector<size_t>{2});
  CHECK(down_plan(ms, h, {2, std::nullopt}) == std::vector<size_t>{2, 1});
  CHECK(down_plan(ms, h, {std::nullopt, 1}) == std::vector<size_t>{2, 1});
  CHECK(down_plan(ms, h, {std::nullopt, 0}) == std::vector<size_t>{2, 1, 0});
  CHECK(down_plan(ms, h, {9, std::nullopt}).size() == 3);
}

TEST_CASE("an edited, a missing and an out-of-order migration are each named") {
  auto ms = three();
  ms[0].checksum = "h1:changed";
  ms.erase(ms.begin() + 1);                          // 0002 applied, its files gone
  ms.push_back({0, "early", "h1:z", {}, {}});        // older than the newest applied
  std::vector<Applied> h{row(1, "init", "h1:a"), row(2, "add_fees", "h1:b")};
  auto p = problems(ms, h);
  REQUIRE(p.size() == 3);
  CHECK(p[0].find("0000_early: pending") == 0);
  CHECK(p[1].find("0001_init: edited") == 0);
  CHECK(p[2].find("0002_add_fees: applied, but its migration is missing") == 0);
  auto s = status(ms, h);
  REQUIRE(s.size() == 4);
  CHECK(s[3].kind == Kind::pending);
  CHECK(std::string(kind_name(s[0].kind)) == "out-of-order");
}

TEST_CASE("nothing is wrong when the history is what the files say") {
  auto ms = three();
  CHECK(problems(ms, {row(1, "init", "h1:a")}).empty());
  CHECK(problems(ms, {}).empty());
}

TEST_CASE("a migration stopped halfway is partial, not edited, when its file was fixed") {
  auto ms = three();
  std::vector<Applied> h{row(1, "init", "h1:a"), row(2, "add_fees", "h1:old", RowState::applying)};
  CHECK(problems(ms, h).empty());
  CHECK(status(ms, h)[1].kind == Kind::partial);
}

TEST_CASE("a baseline records the versions up to N the history lacks, and refuses what it would rewrite") {
  auto ms = three();
  CHECK(baseline_plan(ms, {}, 2) == std::vector<size_t>{0, 1});
  CHECK(baseline_plan(ms, {row(1, "init", "h1:a")}, 3) == std::vector<size_t>{1, 2});
  CHECK(baseline_plan(ms, {row(1, "init", "h1:a"), row(2, "add_fees", "h1:b")}, 2).empty());
  auto refused = [&](const std::vector<Applied>& h, int version) {
    try {
      baseline_plan(ms, h, version);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(refused({}, 4).find("there is no migration 0004") == 0);
  CHECK(refused({row(1, "init", "h1:a"), row(2, "add_fees", "h1:b")}, 1).find("already at 0002_add_fees") !=
        std::string::npos);
  CHECK(refused({row(1, "init", "h1:a", RowState::applying)}, 2).find("0001_init stopped halfway") == 0);
  CHECK(refused({row(1, "init", "h1:other")}, 2).find("0001_init: edited") != std::string::npos);
}

TEST_CASE("the index a CREATE INDEX CONCURRENTLY builds: its stored name and its table as written") {
  auto ix = concurrent_index("-- the fees index\n/* a /* nested */ comment */ CREATE UNIQUE INDEX CONCURRENTLY "
                             "IF NOT EXISTS Fees_Idx ON ONLY \"My Schema\".fees USING btree (id)");
  REQUIRE(ix);
  CHECK(ix->name == "fees_idx");
  CHECK(ix->table == "\"My Schema\".fees");
  ix = concurrent_index("create index concurrently \"Quoted \"\"x\"\"\" on t(id)");
  REQUIRE(ix);
  CHECK(ix->name == "Quoted \"x\"");
  CHECK(ix->table == "t");
  CHECK(concurrent_index("CREATE INDEX CONCURRENTLY " + std::string(70, 'n') + " ON t (id)")->name ==
        std::string(63, 'n'));
  CHECK_FALSE(concurrent_index("CREATE INDEX CONCURRENTLY ON t (id)"));  // unnamed: the server names it
  CHECK_FALSE(concurrent_index("CREATE INDEX t_idx ON t (id)"));
  CHECK_FALSE(concurrent_index("DROP INDEX CONCURRENTLY t_idx"));
  CHECK_FALSE(concurrent_index("CREATE INDEX CONCURRENTLY IF EXISTS x ON t (id)"));
  CHECK_FALSE(concurrent_index("CREATE INDEX CONCURRENTLY \"unterminated ON t (id)"));
}

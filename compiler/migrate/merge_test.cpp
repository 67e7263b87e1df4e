#include "migrate/merge.hpp"

#include <doctest/doctest.h>

#include "dsl/load.hpp"
#include "dsl/print.hpp"

using namespace schemac;

namespace {

Schema load(const std::string& text) {
  Loaded l = load_dsl_text("state.dsl", text);
  std::string diags;
  for (auto& d : l.diags) diags += "\n  " + d.message;
  REQUIRE_MESSAGE(l.ok(), text << diags);
  return std::move(l.schema);
}

const char* kBase = R"(table trades {
  id    bigint primary key
  price numeric(20,8)
}

table symbols {
  id   int primary key
  name text
}
)";

}  // namespace

TEST_CASE("merge: the change of one side lands on top of the other's") {
  Schema base = load(kBase);
  // Before the migration (the other branch): a column on trades and a new table.
  Schema ours = load(std::string(kBase).replace(std::string(kBase).find("  price"), 0, "  qty   int\n") +
                     "\ntable fees {\n  id int primary key\n}\n");
  // The migration: another column on trades, an index, and symbols gone.
  Schema theirs = load(R"(table trades {
  id    bigint primary key
  price numeric(20,8)
  side  text?
  index (side)
}
)");
  MergeResult r = merge_schemas(base, ours, theirs);
  CHECK(r.conflicts.empty());
  CHECK(print_dsl(r.schema) == R"(table trades {
  id    bigint        primary key
  qty   int
  price numeric(20,8)
  side  text?

  index (side)
}

table fees {
  id int primary key
}
)");
}

TEST_CASE("merge: both sides changing one object differently is a conflict that names it") {
  Schema base = load(kBase);
  Schema ours = load(std::string(kBase).replace(std::string(kBase).find("numeric(20,8)"), 13, "numeric(30,8)"));
  Schema theirs = load(std::string(kBase).replace(std::string(kBase).find("numeric(20,8)"), 13, "text"));
  MergeResult r = merge_schemas(base, ours, theirs);
  CHECK(r.conflicts == std::vector<std::string>{"column price of table public.trades: changed differently on both sides"});
  // The same change on both sides is no conflict.
  CHECK(merge_schemas(base, ours, ours).conflicts.empty());
  // Added on both sides, differently.
  Schema a = load(std::string(kBase) + "\ntable x {\n  id int primary key\n}\n");
  Schema b = load(std::string(kBase) + "\ntable x {\n  id bigint primary key\n}\n");
  CHECK(merge_schemas(base, a, b).conflicts == std::vector<std::string>{"table public.x: added on both sides, differently"});
  // Removed by one side, changed by the other.
  Schema dropped = load("table trades {\n  id    bigint primary key\n  price numeric(20,8)\n}\n");
  Schema renamed_symbols = load(std::string(kBase).replace(std::string(kBase).find("  name text"), 11, "  name varchar(9)"));
  CHECK(merge_schemas(base, renamed_symbols, dropped).conflicts ==
        std::vector<std::string>{"table public.symbols: changed before this migration, removed by it"});
  CHECK(merge_schemas(base, dropped, renamed_symbols).conflicts ==
        std::vector<std::string>{"table public.symbols: removed before this migration, changed by it"});
}

TEST_CASE("merge: where an object was written is not a change") {
  Schema base = load(kBase);
  Schema moved = load("\n\n" + std::string(kBase));  // every line two further down
  Schema theirs = load(std::string(kBase) + "\nenum side { buy, sell }\n");
  MergeResult r = merge_schemas(base, moved, theirs);
  CHECK(r.conflicts.empty());
  CHECK(r.schema.enums.size() == 1);
  CHECK(r.schema.tables.size() == 2);
}

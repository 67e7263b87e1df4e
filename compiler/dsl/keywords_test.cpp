#include "dsl/keywords.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "dsl/parse.hpp"
#include "dsl/print.hpp"

using namespace schemac;

namespace {

bool has(const std::vector<std::string>& v, const std::string& w) { return std::find(v.begin(), v.end(), w) != v.end(); }

// `w` bare in every place the grammar takes a name.
std::string probe(const std::string& w) {
  return fmt::format(R"(extension timescaledb
enum {0} {{ 'a' }}
schema {0} {{
  table {0} {{
    {0} int primary key
    t   timestamptz
    r   int references {0}({0}) on delete cascade
    unique ({0}, t)
    index ({0} desc nulls last, t) include ({0}) where ({0} > 0)
    hypertable on t {{
      partition_by {0} hash 4
      integer_now {0}.{0}
      compression {{
        segment_by {0}
        order_by {0} desc
      }}
    }}
    query {0}({0}) -> one {{
      where {0} = :{0}
    }}
  }}
}}
)",
                     w);
}

}  // namespace

TEST_CASE("keywords: read from the grammar") {
  const auto& k = dsl_keywords();
  CHECK(std::is_sorted(k.begin(), k.end()));
  for (const char* w : {"table", "hypertable", "nulls", "references", "chunk_interval", "segment_by", "where"})
    CHECK_MESSAGE(has(k, w), w);
  CHECK_FALSE(has(k, "("));
  CHECK_FALSE(has(k, "identifier"));  // a named rule, not a word
}

TEST_CASE("keywords: a name spelled like a keyword is quoted, in any case") {
  CHECK(dsl_name("table") == "\"table\"");
  CHECK(dsl_name("TABLE") == "\"TABLE\"");
  CHECK(dsl_name("segment_by") == "\"segment_by\"");
  CHECK(dsl_name("nulls") == "\"nulls\"");
  CHECK(dsl_name("price") == "price");
  for (const auto& w : bare_name_keywords()) CHECK(dsl_name(w) == w);
}

TEST_CASE("keywords: each word a name may use bare reads back as that name in every place") {
  for (const auto& w : bare_name_keywords()) {
    INFO("word: ", w);
    CHECK(has(dsl_keywords(), w));  // an exception for a word the grammar no longer has is dead
    ParseResult r = parse(SourceFile{"probe.dsl", probe(w)});
    INFO((r.diags.empty() ? std::string() : r.diags[0].message));
    REQUIRE(r.diags.empty());
    REQUIRE(r.schema.tables.size() == 1);
    const Table& t = r.schema.tables[0];
    CHECK(t.schema == w);
    CHECK(t.name == w);
    CHECK(r.schema.enums.at(0).name == w);
    CHECK(t.columns.at(0).name == w);
    CHECK(t.indexes.at(0).include == std::vector<std::string>{w});
    CHECK(t.queries.at(0).name == w);
    CHECK(t.hypertable->dimensions.at(0).column == w);
    CHECK(t.hypertable->integer_now == w);
  }
}

// The probe can tell: words that open a table item cannot be a column's name bare.
TEST_CASE("keywords: the probe catches a keyword that does not read back as a name") {
  for (const char* w : {"primary", "unique", "foreign", "check", "index", "hypertable", "query"}) {
    INFO("word: ", w);
    CHECK(is_dsl_keyword(w));
    ParseResult r = parse(SourceFile{"probe.dsl", probe(w)});
    bool same = r.diags.empty() && r.schema.tables.size() == 1 && r.schema.tables[0].columns.size() == 3 &&
                r.schema.tables[0].columns[0].name == w;
    CHECK_FALSE(same);
  }
}

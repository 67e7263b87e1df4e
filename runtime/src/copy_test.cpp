// The binary COPY stream's framing, byte for byte (PostgreSQL's "Binary Format" of COPY, copy.c's
// CopySendData of the signature, CopyOneRowTo's field count and lengths).
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "schemac/copy.hpp"

using namespace schemac::db;

namespace {
std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int v : b) s.push_back(static_cast<char>(v));
  return s;
}
}  // namespace

TEST_CASE("copy: header, rows with NULLs, trailer") {
  CopyEncoder e;
  e.header();
  e.row(int32_t{7}, std::optional<int16_t>{}, std::string("ab"));
  e.trailer();
  const std::string expected = std::string("PGCOPY\n\377\r\n", 10) + std::string(1, '\0') +  // signature
                               bytes({0, 0, 0, 0, 0, 0, 0, 0}) +                            // flags, extension
                               bytes({0, 3}) +                                              // 3 fields
                               bytes({0, 0, 0, 4, 0, 0, 0, 7}) +                            // int4 7
                               bytes({0xFF, 0xFF, 0xFF, 0xFF}) +                            // NULL
                               bytes({0, 0, 0, 2, 'a', 'b'}) +                              // text
                               bytes({0xFF, 0xFF});                                         // trailer
  CHECK(e.buffer().str() == expected);
}

TEST_CASE("copy: an array field with the element OID the program gives") {
  CopyEncoder e;
  e.begin_row(1);
  e.array_field(std::vector<std::string>{"x"}, 16500);
  CHECK(e.buffer().str() == bytes({0, 1, 0, 0, 0, 25, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x40, 0x74, 0, 0, 0, 1, 0, 0, 0,
                                   1, 0, 0, 0, 1, 'x'}));
}

TEST_CASE("copy: the COPY statement quotes every name") {
  CHECK(copy_in_sql("public", "ticks", {"ts", "bid"}) ==
        "COPY \"public\".\"ticks\" (\"ts\", \"bid\") FROM STDIN (FORMAT binary)");
  CHECK(quote_identifier("we\"ird name") == "\"we\"\"ird name\"");
}

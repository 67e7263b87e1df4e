// The committed generated parser must come from the committed grammar.js, load in the distribution's
// libtree-sitter, and accept the editor queries. Fast: no tree-sitter CLI needed (scripts/regen-grammar.sh
// --check regenerates for real).

#include <doctest/doctest.h>
#include <tree_sitter/api.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

extern "C" const TSLanguage* tree_sitter_schemac(void);

namespace {

const std::string grammar_dir = std::string(SCHEMAC_SOURCE_DIR) + "/compiler/dsl/grammar";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string first_word(const std::string& s) { return s.substr(0, s.find_first_of(" \t\n")); }

std::string sha256_of(const std::string& path) {
  std::string out;
  if (FILE* p = popen(("sha256sum '" + path + "'").c_str(), "r")) {
    std::array<char, 256> buf{};
    while (fgets(buf.data(), buf.size(), p)) out += buf.data();
    pclose(p);
  }
  return first_word(out);
}

}  // namespace

TEST_CASE("grammar: src/parser.c was generated from the committed grammar.js") {
  std::string recorded = first_word(read_file(grammar_dir + "/src/grammar.sha256"));
  std::string actual = sha256_of(grammar_dir + "/grammar.js");
  REQUIRE(actual.size() == 64);
  INFO("grammar.js changed since src/ was generated: run scripts/regen-grammar.sh and commit compiler/dsl/grammar/src");
  CHECK(recorded == actual);
}

TEST_CASE("grammar: the generated language loads in this libtree-sitter") {
  const TSLanguage* lang = tree_sitter_schemac();
  CHECK(ts_language_version(lang) == 14);
  TSParser* parser = ts_parser_new();
  CHECK(ts_parser_set_language(parser, lang));
  ts_parser_delete(parser);
}

TEST_CASE("grammar: queries/highlights.scm compiles against the grammar") {
  std::string source = read_file(grammar_dir + "/queries/highlights.scm");
  REQUIRE(!source.empty());
  uint32_t offset = 0;
  TSQueryError err = TSQueryErrorNone;
  TSQuery* q = ts_query_new(tree_sitter_schemac(), source.data(), static_cast<uint32_t>(source.size()), &offset, &err);
  INFO("error ", static_cast<int>(err), " at byte ", offset, ": ", source.substr(offset, 40));
  CHECK(q != nullptr);
  if (q) ts_query_delete(q);
}

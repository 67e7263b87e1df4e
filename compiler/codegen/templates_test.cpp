#include "codegen/templates.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>

#include "temp_dir.hpp"

using schemac::codegen::builtin_templates;
using schemac::codegen::load_templates;

TEST_CASE("templates: the built-in ones are templates/*.mustache, byte for byte") {
  const auto& t = builtin_templates();
  REQUIRE(t.count("table.hpp") == 1);
  REQUIRE(t.count("enums.hpp") == 1);
  REQUIRE(t.count("support.hpp") == 1);
  for (const auto& [name, text] : t) {
    CAPTURE(name);
    std::ifstream in(std::string(SCHEMAC_SOURCE_DIR) + "/templates/" + name + ".mustache", std::ios::binary);
    std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(file == text);
  }
}

TEST_CASE("templates: a directory overrides by name, and an unknown name is refused") {
  schemac::test::TempDir dir;
  std::ofstream(dir.path / "enums.hpp.mustache") << "custom {{header}}";
  auto t = load_templates(dir.path);
  CHECK(t.at("enums.hpp") == "custom {{header}}");
  CHECK(t.at("table.hpp") == builtin_templates().at("table.hpp"));
  std::ofstream(dir.path / "tabel.hpp.mustache") << "typo";
  CHECK_THROWS_AS(load_templates(dir.path), std::runtime_error);
}

TEST_CASE("join_standalone_tags: a tag alone on its line leaves no line behind") {
  using schemac::codegen::join_standalone_tags;
  CHECK(join_standalone_tags("a\n{{#x}}\nX\n{{/x}}\n\nb\n") == "a{{#x}}\nX{{/x}}\n\nb\n");
  CHECK(join_standalone_tags("a\n  {{^y}}  \nY\n  {{/y}}\n") == "a{{^y}}\nY{{/y}}\n");
  // A tag with text beside it, and a variable alone on a line, are not standalone.
  CHECK(join_standalone_tags("x {{#a}}\n") == "x {{#a}}\n");
  CHECK(join_standalone_tags("s {\n{{#a}}\n") == "s {\n{{#a}}\n");  // never {{{
  CHECK(join_standalone_tags("{{name}}\n") == "{{name}}\n");
  CHECK(join_standalone_tags("{{#a}}{{/a}}\n") == "{{#a}}{{/a}}\n");
}

#pragma once
// The parse stage: schema.dsl text -> Schema model, with the tree-sitter grammar in grammar/.
//
// parse only maps what is written: names that were not written stay empty (check assigns PostgreSQL's defaults),
// type names are kept as written (check canonicalises aliases), and references are not resolved beyond the
// schema they are written in. Every syntax error in the file becomes a located Diagnostic; the model built from
// a file with errors is partial and should not be used beyond reporting.

#include <string>

#include "model/diagnostic.hpp"
#include "model/model.hpp"

namespace schemac {

struct SourceFile {
  std::string path;  // as it should appear in diagnostics and Loc::file
  std::string text;
};

struct ParseResult {
  Schema schema;
  Diagnostics diags;
};

// The limits parse enforces, each with one located error past it (documented in grammar/SYNTAX.md, "Limits").
// The size bounds time and memory (measured: a 50 MB schema of 100,000 tables takes about 2 GB and 20 s to
// format, so 64 MiB stays under 3 GB); the depth (of the syntax tree: each parenthesis, bracket and block is a
// level) keeps every later stage that recurses over expressions (libpg_query among them) far from the end of its
// stack.
inline constexpr size_t max_source_bytes = size_t{64} << 20;
inline constexpr uint32_t max_nesting_depth = 1000;

ParseResult parse(const SourceFile& file);

}  // namespace schemac

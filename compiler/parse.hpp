#pragma once
// The parse stage: schema.dsl text -> Schema model, with the tree-sitter grammar in grammar/.
//
// parse only maps what is written: names that were not written stay empty (check assigns PostgreSQL's defaults),
// type names are kept as written (check canonicalises aliases), and references are not resolved beyond the
// schema they are written in. Every syntax error in the file becomes a located Diagnostic; the model built from
// a file with errors is partial and should not be used beyond reporting.

#include <string>

#include "diagnostic.hpp"
#include "model.hpp"

namespace schemac {

struct SourceFile {
  std::string path;  // as it should appear in diagnostics and Loc::file
  std::string text;
};

struct ParseResult {
  Schema schema;
  Diagnostics diags;
};

ParseResult parse(const SourceFile& file);

}  // namespace schemac

#pragma once
// Reading a declaration from disk: file -> parse -> check, with the diagnostics kept next to the source text
// they point into, so any command can print them with the offending line and a caret.

#include <filesystem>
#include <iosfwd>
#include <map>
#include <string>

#include "model/diagnostic.hpp"
#include "model/model.hpp"
#include "dsl/parse.hpp"

namespace schemac {

struct Loaded {
  Schema schema;
  Diagnostics diags;
  std::map<std::string, std::string> sources;  // file path -> text, for printing diagnostics
  bool ok() const { return !has_errors(diags); }
};

// Reads and parses `path` ("-" reads standard input); runs check unless `syntax_only`.
Loaded load_dsl(const std::filesystem::path& path, bool syntax_only = false);

// Parses text that did not come from the user's file (a migration snapshot): same stages, given a name.
Loaded load_dsl_text(const std::string& name, std::string text, bool syntax_only = false);

void print_diagnostics(const Loaded& l, std::ostream& out);
void print_diagnostics(const Diagnostics& ds, const std::map<std::string, std::string>& sources, std::ostream& out);

}  // namespace schemac

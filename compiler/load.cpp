#include "load.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "check.hpp"

namespace schemac {

Loaded load_dsl_text(const std::string& name, std::string text, bool syntax_only) {
  Loaded l;
  ParseResult r = parse(SourceFile{name, text});
  l.schema = std::move(r.schema);
  l.diags = std::move(r.diags);
  l.sources[name] = std::move(text);
  // Semantic errors on a tree with syntax errors would mostly be echoes of the syntax errors.
  if (!syntax_only && !has_errors(l.diags)) {
    Diagnostics more = check(l.schema);
    l.diags.insert(l.diags.end(), more.begin(), more.end());
  }
  sort_diagnostics(l.diags);
  return l;
}

Loaded load_dsl(const std::filesystem::path& path, bool syntax_only) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Loaded l;
      l.diags.push_back({Diagnostic::Severity::error, Loc{path.string(), 0, 0}, "cannot read this file",
                         std::filesystem::exists(path) ? "check its permissions"
                                                       : "pass the schema file, e.g. `schemac check schema.dsl`"});
      return l;
    }
    text << in.rdbuf();
  }
  return load_dsl_text(path == "-" ? "<stdin>" : path.string(), text.str(), syntax_only);
}

void print_diagnostics(const Diagnostics& ds, const std::map<std::string, std::string>& sources, std::ostream& out) {
  out << render_diagnostics(ds, sources);
}

void print_diagnostics(const Loaded& l, std::ostream& out) { print_diagnostics(l.diags, l.sources, out); }

}  // namespace schemac

#include "dsl/load.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <iostream>
#include <sstream>

#include "check/check.hpp"
#include "model/files.hpp"

namespace schemac {

namespace {

// Why `path` cannot be loaded, with the fix for the two mistakes people make: a directory, or a wrong name.
Loaded unreadable(const FileError& e) {
  Loaded l;
  Diagnostic d = file_diagnostic(e);
  if (e.err == ENOENT) d.hint = "pass the schema file, e.g. `schemac check schema.dsl`";
  if (e.err == EISDIR)
    d.hint = fmt::format("pass the schema file in it, e.g. `schemac check {}`",
                         (std::filesystem::path(e.path) / "schema.dsl").string());
  l.diags.push_back(std::move(d));
  return l;
}

}  // namespace

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
  if (path == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return load_dsl_text("<stdin>", text.str(), syntax_only);
  }
  try {
    return load_dsl_text(path.string(), read_file(path), syntax_only);
  } catch (const FileError& e) {
    return unreadable(e);
  }
}

void print_diagnostics(const Diagnostics& ds, const std::map<std::string, std::string>& sources, std::ostream& out) {
  out << render_diagnostics(ds, sources);
}

void print_diagnostics(const Loaded& l, std::ostream& out) { print_diagnostics(l.diags, l.sources, out); }

}  // namespace schemac

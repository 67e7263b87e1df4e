#include "commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "load.hpp"
#include "migrate.hpp"
#include "print.hpp"

namespace schemac {

int cmd_check(const std::string& file, Io io) {
  Loaded l = load_dsl(file);
  print_diagnostics(l, io.err);
  if (!l.ok()) return 1;
  fmt::print(io.out, "{}: ok ({} tables, {} enums)\n", file, l.schema.tables.size(), l.schema.enums.size());
  return 0;
}

int cmd_fmt(const FmtArgs& a, Io io) {
  // fmt needs only a valid syntax tree: a file with semantic errors can still be laid out.
  Loaded l = load_dsl(a.file, /*syntax_only=*/true);
  print_diagnostics(l, io.err);
  if (!l.ok()) return 1;
  std::string text = print_dsl(l.schema);
  if (a.file == "-") {
    io.out << text;
    return 0;
  }
  bool clean = l.sources.begin()->second == text;
  if (a.check) {
    if (!clean) fmt::print(io.err, "{}: not formatted; run `schemac fmt {}`\n", a.file, a.file);
    return clean ? 0 : 2;
  }
  write_file_if_changed(a.file, text);
  return 0;
}

}  // namespace schemac

// `schemac fmt`: rewrite a declaration in canonical form, or report that it is not (--check).
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "model/files.hpp"
#include "dsl/load.hpp"
#include "dsl/print.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

int run_fmt(const FmtArgs& a, Io io) {
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

}  // namespace

int cmd_fmt(const FmtArgs& a, Io io) {
  return guarded(io, [&] { return run_fmt(a, io); });
}

}  // namespace schemac

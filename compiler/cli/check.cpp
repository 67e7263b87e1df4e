// `schemac check`: parse and check a declaration.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "dsl/load.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

int run_check(const std::string& file, Io io) {
  Loaded l = load_dsl(file);
  print_diagnostics(l, io.err);
  if (!l.ok()) return 1;
  fmt::print(io.out, "{}: ok ({} tables, {} enums)\n", file, l.schema.tables.size(), l.schema.enums.size());
  return 0;
}

}  // namespace

int cmd_check(const std::string& file, Io io) {
  return guarded(io, [&] { return run_check(file, io); });
}

}  // namespace schemac

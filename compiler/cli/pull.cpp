// `schemac pull`: a live database as DSL.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "catalog/readable.hpp"
#include "dsl/print.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

int run_pull(const PullArgs& a, Io io) {
  Connection conn = connect_to(a.db);
  InspectOptions opts;
  opts.schemas = a.schemas;
  // TimescaleDB's own (time DESC) index is printed like any other: schemac creates hypertables without default
  // indexes, so a database built from the pulled text has it only when it is declared.
  Catalog cat = inspect(conn.get(), opts);
  report_catalog(cat, io);
  readable_checks(cat.schema);
  io.out << print_dsl(cat.schema);
  return 0;
}

}  // namespace

int cmd_pull(const PullArgs& a, Io io) {
  return guarded(io, [&] { return run_pull(a, io); });
}

}  // namespace schemac

// `schemac pull`: a live database as DSL.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <ostream>

#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "sql/names.hpp"
#include "dsl/print.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

int run_pull(const PullArgs& a, Io io) {
  Connection conn = connect_to(a.db);
  InspectOptions opts;
  opts.schemas = a.schemas;
  Schema live = inspect(conn.get(), opts).schema;
  for (auto& t : live.tables)  // TimescaleDB's own index is the hypertable's, not a declaration
    std::erase_if(t.indexes, [&](const Index& ix) { return is_timescale_default_index(t, ix); });
  io.out << print_dsl(live);
  return 0;
}

}  // namespace

int cmd_pull(const PullArgs& a, Io io) {
  return guarded(io, [&] { return run_pull(a, io); });
}

}  // namespace schemac

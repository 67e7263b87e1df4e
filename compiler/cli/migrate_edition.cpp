// `schemac migrate edition`: show or set the TimescaleDB edition a migrations directory targets.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "migrate/edition_file.hpp"
#include "model/files.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

int run_migrate_edition(const std::string& dir, const std::string& name, Io io) {
  Edition recorded = read_edition_file(dir), edition = edition_of(name);
  if (edition == Edition::unknown) {
    fmt::print(io.out, "{}\n", recorded == Edition::unknown ? "none recorded" : edition_name(recorded));
    return 0;
  }
  if (!std::filesystem::is_directory(dir))
    return report_error(fmt::format("{}: no migrations directory", shown_path(dir)),
                        "pass --dir with the migrations directory; `schemac migrate new` creates it", io);
  write_edition_file(dir, edition);
  if (recorded == edition) fmt::print(io.out, "{} already targets the {} edition\n", dir, name);
  else
    fmt::print(io.out, "{} now targets the {} edition{}; migrations already written are not changed\n", dir, name,
               recorded == Edition::unknown ? "" : fmt::format(" (was {})", edition_name(recorded)));
  return 0;
}

}  // namespace

int cmd_migrate_edition(const std::string& dir, const std::string& edition, Io io) {
  return guarded(io, [&] { return run_migrate_edition(dir, edition, io); });
}

}  // namespace schemac

// `schemac migrate hash`: rewrite schemac.sum after a deliberate edit.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "model/files.hpp"
#include "dsl/load.hpp"
#include "migrate/migrate.hpp"
#include "cli/common.hpp"

namespace schemac {

namespace {

// Only naming problems stop it: the sum's own complaints (edited or unrecorded files) are what it is run to
// settle, but a sum written past a malformed file would record a directory that cannot be read back.
int run_migrate_hash(const std::string& dir, Io io) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(dir, ec)))
    return report_error(fmt::format("{}: no migrations directory", shown_path(dir)),
                        "pass --dir with the migrations directory; `schemac migrate new` creates it", io);
  Diagnostics d;
  migration_files(dir, d);
  print_diagnostics(d, {}, io.err);
  if (has_errors(d)) return 1;
  write_file_if_changed(std::filesystem::path(dir) / kSumFile, sum_text(dir));
  fmt::print(io.out, "rewrote {}/{}\n", dir, kSumFile);
  return 0;
}

}  // namespace

int cmd_migrate_hash(const std::string& dir, Io io) {
  return guarded(io, [&] { return run_migrate_hash(dir, io); });
}

}  // namespace schemac

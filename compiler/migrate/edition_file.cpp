#include "migrate/edition_file.hpp"

#include <fmt/format.h>

#include <sstream>

#include "model/files.hpp"

namespace schemac {

namespace fs = std::filesystem;

Edition read_edition_file(const fs::path& dir) {
  fs::path p = dir / kEditionFile;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(p, ec))) return Edition::unknown;
  std::istringstream in(read_file(p));
  std::string line;
  Edition edition = Edition::unknown;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t b = line.find_first_not_of(" \t\r"), e = line.find_last_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    std::string word = line.substr(b, e - b + 1);
    std::optional<Edition> named = edition_from_name(word);
    if (edition != Edition::unknown || !named)
      throw FileError(fmt::format("{}:{}", shown_path(p), n),
                      fmt::format("\"{}\" is not a TimescaleDB edition", word),
                      "the file holds one line, apache or timescale; set it with `schemac migrate edition NAME`");
    edition = *named;
  }
  return edition;
}

void write_edition_file(const fs::path& dir, Edition edition) {
  fs::create_directories(dir);
  write_file_if_changed(dir / kEditionFile,
                        "# The TimescaleDB edition these migrations are written for: apache or timescale.\n"
                        "# Change it with `schemac migrate edition NAME`; migrations already written stay as they "
                        "are.\n" +
                            std::string(edition_name(edition)) + "\n");
}

}  // namespace schemac

#include "edition_file.hpp"

#include <fmt/format.h>

#include <sstream>

#include "files.hpp"

namespace schemac {

namespace fs = std::filesystem;

bool is_edition(const std::string& edition) { return edition == "apache" || edition == "timescale"; }

std::string read_edition_file(const fs::path& dir) {
  fs::path p = dir / kEditionFile;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(p, ec))) return "";
  std::istringstream in(read_file(p));
  std::string line, edition;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t b = line.find_first_not_of(" \t\r"), e = line.find_last_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    std::string word = line.substr(b, e - b + 1);
    if (!edition.empty() || !is_edition(word))
      throw FileError(fmt::format("{}:{}", shown_path(p), n),
                      fmt::format("\"{}\" is not a TimescaleDB edition", word),
                      "the file holds one line, apache or timescale; set it with `schemac migrate edition NAME`");
    edition = word;
  }
  return edition;
}

void write_edition_file(const fs::path& dir, const std::string& edition) {
  fs::create_directories(dir);
  write_file_if_changed(dir / kEditionFile,
                        "# The TimescaleDB edition these migrations are written for: apache or timescale.\n"
                        "# Change it with `schemac migrate edition NAME`; migrations already written stay as they "
                        "are.\n" +
                            edition + "\n");
}

}  // namespace schemac

// libFuzzer target for the migrations directory reader: the input is split into files of a scratch
// migrations directory (names and contents from the bytes), which is then read. Properties: no crash, no
// exception escapes but schemac's own errors, every problem reported as a diagnostic or a thrown error.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "migrate/migrate.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path& scratch() {
  static const fs::path dir = fs::temp_directory_path() / ("schemac-fuzz-migrations-" + std::to_string(getpid()));
  return dir;
}

// "name\ncontents\0name\ncontents..." -> files. Names are kept to one path component.
void write_files(const std::string& input) {
  fs::remove_all(scratch());
  fs::create_directories(scratch());
  size_t at = 0;
  for (int n = 0; at < input.size() && n < 16; ++n) {
    size_t end = input.find('\0', at);
    if (end == std::string::npos) end = input.size();
    std::string entry = input.substr(at, end - at);
    at = end + 1;
    size_t nl = entry.find('\n');
    std::string name = entry.substr(0, nl);
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos) continue;
    std::ofstream(scratch() / name, std::ios::binary) << (nl == std::string::npos ? "" : entry.substr(nl + 1));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  write_files(std::string(reinterpret_cast<const char*>(data), size));
  schemac::Diagnostics diags;
  try {
    schemac::read_migrations(scratch(), diags);
  } catch (const std::runtime_error&) {
    // schemac's own errors (filesystem and format problems it names) are fine; anything else escapes and aborts.
  }
  return 0;
}

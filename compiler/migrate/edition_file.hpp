#pragma once
// The TimescaleDB edition a migrations directory is written for, in <dir>/schemac.edition. Chosen with the first
// migration (`migrate new NAME --edition ...`) and changed only deliberately (`migrate edition NAME`): an
// offline plan cannot ask a server whether retention and compression policies (Timescale license) will work,
// so the directory says, and a server of the other edition is refused before anything runs.
#include <filesystem>
#include <string>

#include "model/timescale.hpp"

namespace schemac {

inline constexpr const char* kEditionFile = "schemac.edition";

// The recorded edition, unknown when the directory records none (no file, or no directory). Throws FileError for
// a file that cannot be read or says anything else.
Edition read_edition_file(const std::filesystem::path& dir);

// Writes the file (creating the directory); `edition` is not unknown.
void write_edition_file(const std::filesystem::path& dir, Edition edition);

}  // namespace schemac

#pragma once
// Reading and writing the user's files. Every write replaces its target through a temporary file created
// exclusively (O_EXCL) beside it and renamed over it, so a crash leaves the old file or the new one, never half of
// one, and a planted `<file>.tmp` symlink cannot redirect the write. Every failure is a FileError naming the path,
// what is wrong and the fix, never a std::filesystem_error.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"

namespace schemac {

struct FileError : std::runtime_error {
  std::string path;     // as the user named it
  std::string problem;  // "permission denied", "is a directory", ...
  std::string hint;     // the fix
  int err = 0;          // the errno behind it, 0 when there is none
  FileError(std::string path, std::string problem, std::string hint, int err = 0);
};

// The FileError for `err` (an errno) while doing `doing` ("read", "write") to `p`, with a hint for the usual
// causes (missing, permissions, symlink loop, a directory, a full or read-only disk).
FileError file_error(const std::filesystem::path& p, int err, std::string_view doing);

// The error as a diagnostic at the file (no line: it is about the file as a whole).
Diagnostic file_diagnostic(const FileError& e);

// The whole file. Throws FileError when it cannot be read: missing, a directory, no permission, a symlink loop.
std::string read_file(const std::filesystem::path& p);

// Replaces the contents of `p` with `text`. When `p` is a symlink the file it points at is replaced and the link
// stays a link. The temporary file is unique, hidden (.NAME.XXXXXX.tmp), in the same directory as the file it
// replaces (so the rename is atomic), written and fsynced, given the replaced file's mode (a new file gets the
// umask's), and removed on any failure. A file that exists but is not writable is refused, not replaced.
void replace_file(const std::filesystem::path& p, std::string_view text);

// replace_file, creating missing parent directories; an unchanged file is left alone, which keeps its timestamp
// so builds that depend on it do not rerun.
void write_file_if_changed(const std::filesystem::path& p, std::string_view text);

// A file name for a message: control characters, backslashes and bytes that are not UTF-8 as \xHH, so a hostile
// name can neither break the line nor send escape sequences to the terminal.
std::string shown_path(const std::filesystem::path& p);

}  // namespace schemac

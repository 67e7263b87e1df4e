#include "model/files.hpp"

#include "model/quote.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fs = std::filesystem;

namespace schemac {

FileError::FileError(std::string p, std::string prob, std::string h, int e)
    : std::runtime_error(p + ": " + prob), path(std::move(p)), problem(std::move(prob)), hint(std::move(h)), err(e) {}

FileError file_error(const fs::path& p, int err, std::string_view doing) {
  std::string what, hint;
  switch (err) {
    case ENOENT: what = "no such file or directory"; hint = "check the path"; break;
    case EACCES:
    case EPERM:
      what = "permission denied";
      hint = "check the permissions of the file and of its directory";
      break;
    case ELOOP:
      what = "a symlink loop (too many levels of symbolic links)";
      hint = "point the symlink at a real file";
      break;
    case EISDIR: what = "is a directory"; hint = "name a file, not a directory"; break;
    case ENOTDIR: what = "a part of the path is not a directory"; hint = "check the path"; break;
    case ENOSPC: what = "no space left on the device"; hint = "free some space and run the command again"; break;
    case EROFS: what = "the file system is read-only"; hint = "write to a writable copy of the project"; break;
    default: what = std::strerror(err); break;
  }
  return FileError(shown_path(p), fmt::format("cannot {}: {}", doing, what), hint, err);
}

Diagnostic file_diagnostic(const FileError& e) {
  return Diagnostic{Diagnostic::Severity::error, Loc{e.path, 0, 0}, e.problem, e.hint};
}

std::string read_file(const fs::path& p) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw file_error(p, errno, "read");
  struct stat st {};
  // open() succeeds on a directory; read() would then fail with a less helpful error.
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw file_error(p, EISDIR, "read");
  }
  std::string text;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      throw file_error(p, err, "read");
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

namespace {

// The file that writing through `p` changes: `p` itself, or the end of its chain of symlinks (relative links are
// read from the link's own directory). The kernel's own limit of 40 links makes a loop an error, as open() would.
fs::path resolve_symlinks(const fs::path& p) {
  fs::path cur = p;
  for (int hops = 0; hops <= 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(cur, ec))) return cur;
    fs::path to = fs::read_symlink(cur, ec);
    if (ec) throw file_error(p, ec.value(), "write");
    cur = to.is_absolute() ? to : cur.parent_path() / to;
  }
  throw file_error(p, ELOOP, "write");
}

mode_t new_file_mode() {
  mode_t mask = ::umask(0);  // umask can only be read by setting it
  ::umask(mask);
  return 0666 & ~mask;
}

// The temporary file of replace_file: removed unless it was renamed into place.
struct TempFile {
  std::string path;
  int fd = -1;
  bool renamed = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!renamed) ::unlink(path.c_str());
  }
  // Closes the descriptor, reporting an error close() finds (NFS reports write errors there).
  int close() {
    int rc = ::close(fd);
    fd = -1;
    return rc;
  }
};

// Only root can give the new file the old one's owner; anyone else keeps its group at best. Neither is an error:
// the file is then owned by whoever rewrote it, as with any editor that saves by renaming.
void keep_owner(int fd, const struct stat& st) {
  if (::fchown(fd, st.st_uid, st.st_gid) == 0) return;
  [[maybe_unused]] int group_only = ::fchown(fd, static_cast<uid_t>(-1), st.st_gid);
}

void write_all(int fd, std::string_view text, const fs::path& p) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw file_error(p, errno, "write");
    text.remove_prefix(static_cast<size_t>(n));
  }
}

// The rename is durable only once the directory entry is on disk; some file systems cannot fsync a directory,
// and the data is already safe, so a failure here is not an error.
void sync_directory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void replace_file(const fs::path& p, std::string_view text) {
  fs::path target = resolve_symlinks(p);
  struct stat st {};
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) throw file_error(p, errno, "write");
  if (exists && S_ISDIR(st.st_mode)) throw file_error(p, EISDIR, "write");
  if (exists && !S_ISREG(st.st_mode))
    throw FileError(shown_path(p), "cannot write: not a regular file", "name a regular file");
  // Renaming over a read-only file would succeed; refusing keeps the promise the file's mode makes.
  if (exists && ::access(target.c_str(), W_OK) != 0) throw file_error(p, errno, "write");

  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  TempFile tmp;
  tmp.path = (dir / ("." + target.filename().string() + ".XXXXXX.tmp")).string();
  tmp.fd = ::mkostemps(tmp.path.data(), 4, O_CLOEXEC);
  if (tmp.fd < 0) {
    tmp.renamed = true;  // nothing was created, nothing to remove
    throw file_error(dir, errno, "create a temporary file in");
  }
  if (exists) keep_owner(tmp.fd, st);
  if (::fchmod(tmp.fd, exists ? st.st_mode & 07777 : new_file_mode()) != 0) throw file_error(p, errno, "write");
  write_all(tmp.fd, text, p);
  if (::fsync(tmp.fd) != 0 || tmp.close() != 0) throw file_error(p, errno, "write");
  if (::rename(tmp.path.c_str(), target.c_str()) != 0) throw file_error(p, errno, "write");
  tmp.renamed = true;
  sync_directory(dir);
}

void write_file_if_changed(const fs::path& p, std::string_view text) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec) && read_file(p) == text) return;
  if (p.has_parent_path() && !fs::is_directory(p.parent_path(), ec)) {
    fs::create_directories(p.parent_path(), ec);
    if (ec) throw file_error(p.parent_path(), ec.value(), "create the directory");
  }
  replace_file(p, text);
}

std::string shown_path(const fs::path& p) { return comment_text(p.string()); }

}  // namespace schemac

#include "model/files.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>

#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace schemac;

namespace {

using test::TempDir;

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("replace_file writes through a fresh temporary file and leaves none behind") {
  TempDir tmp;
  fs::path f = tmp.path / "schema.dsl";
  replace_file(f, "new file\n");
  CHECK(read_file(f) == "new file\n");
  replace_file(f, "second\n");
  CHECK(read_file(f) == "second\n");
  CHECK(tmp.names() == std::vector<std::string>{"schema.dsl"});
}

TEST_CASE("replace_file: a planted <file>.tmp symlink is neither followed nor touched") {
  TempDir tmp;
  fs::path victim = tmp.path / "victim";
  put(victim, "precious\n");
  put(tmp.path / "schema.dsl", "old\n");
  fs::create_symlink(victim, tmp.path / "schema.dsl.tmp");
  replace_file(tmp.path / "schema.dsl", "new\n");
  CHECK(read_file(victim) == "precious\n");
  CHECK(fs::is_symlink(tmp.path / "schema.dsl.tmp"));
  CHECK_FALSE(fs::is_symlink(tmp.path / "schema.dsl"));
  CHECK(read_file(tmp.path / "schema.dsl") == "new\n");
}

TEST_CASE("replace_file: a symlinked target stays a link and the file it points at is replaced") {
  TempDir tmp;
  fs::create_directory(tmp.path / "real");
  put(tmp.path / "real" / "schema.dsl", "old\n");
  fs::create_symlink("real/schema.dsl", tmp.path / "link.dsl");  // relative, read from the link's directory
  fs::create_symlink("link.dsl", tmp.path / "link2.dsl");         // a chain of two
  replace_file(tmp.path / "link2.dsl", "new\n");
  CHECK(fs::is_symlink(tmp.path / "link2.dsl"));
  CHECK(fs::is_symlink(tmp.path / "link.dsl"));
  CHECK(read_file(tmp.path / "real" / "schema.dsl") == "new\n");
  // The temporary file was made beside the real file, so the rename stayed on one file system.
  CHECK(tmp.names() == std::vector<std::string>{"link.dsl", "link2.dsl", "real"});
  CHECK(fs::directory_iterator(tmp.path / "real")->path().filename() == "schema.dsl");
}

TEST_CASE("replace_file keeps the replaced file's mode; a new file gets the umask's") {
  TempDir tmp;
  fs::path f = tmp.path / "script.sql";
  put(f, "old\n");
  fs::permissions(f, fs::perms(0640));
  replace_file(f, "new\n");
  CHECK(mode_of(f) == 0640);
  mode_t mask = ::umask(022);
  replace_file(tmp.path / "fresh.sql", "x");
  ::umask(mask);
  CHECK(mode_of(tmp.path / "fresh.sql") == 0644);
}

TEST_CASE("replace_file: every failure is a FileError naming the path, and no temporary file is left") {
  TempDir tmp;
  fs::create_directory(tmp.path / "dir.dsl");
  try {
    replace_file(tmp.path / "dir.dsl", "x");
    FAIL("wrote over a directory");
  } catch (const FileError& e) {
    CHECK(e.path == (tmp.path / "dir.dsl").string());
    CHECK(e.problem == "cannot write: is a directory");
  }
  fs::create_symlink("loop.dsl", tmp.path / "loop.dsl");
  try {
    replace_file(tmp.path / "loop.dsl", "x");
    FAIL("wrote through a symlink loop");
  } catch (const FileError& e) {
    CHECK(e.err == ELOOP);
    CHECK(std::string(e.what()).find("symlink loop") != std::string::npos);
    CHECK_FALSE(e.hint.empty());
  }
  CHECK_THROWS_AS(replace_file(tmp.path / "missing" / "x.dsl", "x"), FileError);
  CHECK(tmp.names() == std::vector<std::string>{"dir.dsl", "loop.dsl"});
}

TEST_CASE("replace_file refuses a read-only file instead of renaming over it") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: root may write any file, so a read-only mode does not stop it");
    return;
  }
  TempDir tmp;
  fs::path f = tmp.path / "locked.dsl";
  put(f, "old\n");
  fs::permissions(f, fs::perms(0444));
  CHECK_THROWS_WITH_AS(replace_file(f, "new\n"), doctest::Contains("permission denied"), FileError);
  CHECK(read_file(f) == "old\n");
}

TEST_CASE("read_file: a directory, a missing file and a loop are FileErrors") {
  TempDir tmp;
  CHECK_THROWS_WITH_AS(read_file(tmp.path), doctest::Contains("cannot read: is a directory"), FileError);
  CHECK_THROWS_WITH_AS(read_file(tmp.path / "none"), doctest::Contains("no such file"), FileError);
  fs::create_symlink("loop", tmp.path / "loop");
  CHECK_THROWS_WITH_AS(read_file(tmp.path / "loop"), doctest::Contains("symlink loop"), FileError);
  put(tmp.path / "bytes", std::string("a\0b", 3));
  CHECK(read_file(tmp.path / "bytes") == std::string("a\0b", 3));
}

TEST_CASE("write_file_if_changed leaves an identical file untouched and creates missing directories") {
  TempDir tmp;
  fs::path p = tmp.path / "sub" / "x.txt";
  write_file_if_changed(p, "same");
  auto before = fs::last_write_time(p);
  fs::last_write_time(p, before - std::chrono::hours(1));
  write_file_if_changed(p, "same");
  CHECK(fs::last_write_time(p) == before - std::chrono::hours(1));
  write_file_if_changed(p, "different");
  CHECK(read_file(p) == "different");
  put(tmp.path / "file", "x");
  CHECK_THROWS_WITH_AS(write_file_if_changed(tmp.path / "file" / "y", "y"),
                       doctest::Contains("cannot create the directory"), FileError);
}

// shown_path is comment_text (quote.hpp): one escaping rule for every line a person reads.
TEST_CASE("shown_path escapes what must not reach a terminal and keeps UTF-8") {
  CHECK(shown_path("migrations/0001_caf\xc3\xa9.up.sql") == "migrations/0001_caf\xc3\xa9.up.sql");
  CHECK(shown_path("a\nb\x1b[31m") == "a\\nb\\x1B[31m");
  CHECK(shown_path("bad\xff\xc3") == "bad\\xFF\\xC3");
  CHECK(shown_path("over\xc0\xaflong") == "over\\xC0\\xAFlong");
  CHECK(shown_path("c1\xc2\x85") == "c1\\u0085");
  CHECK(shown_path("back\\slash") == "back\\\\slash");
}

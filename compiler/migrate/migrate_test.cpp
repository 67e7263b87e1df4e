#include <doctest/doctest.h>

#include <fstream>

#include "migrate/migrate.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace schemac;

namespace {
using test::TempDir;

NewMigration sample(std::string name, std::string up) {
  return NewMigration{std::move(name), up, "-- down\n", "table t {\n  id int\n}\n"};
}

bool mentions(const Diagnostics& ds, std::string_view text) {
  for (auto& d : ds)
    if (d.message.find(text) != std::string::npos || d.loc.file.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("migration_slug makes a file-name-safe name") {
  CHECK(migration_slug("Add Trades!") == "add_trades");
  CHECK(migration_slug("  v2 -- split  ") == "v2_split");
  CHECK(migration_slug("!!!") == "");
}

TEST_CASE("sha256_hex matches the known digest") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("written migrations are numbered, recorded in the sum and read back clean") {
  TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path / "migrations", d);
  CHECK(d.empty());
  CHECK(dir.migrations.empty());
  write_migration(dir, sample("init", "CREATE TABLE t (id int);\n"));
  Migration second = write_migration(dir, sample("add_x", "ALTER TABLE t ADD COLUMN x int;\n"));
  CHECK(second.version == 2);
  CHECK(second.up.filename() == "0002_add_x.up.sql");
  MigrationDir again = read_migrations(tmp.path / "migrations", d);
  CHECK(d.empty());
  REQUIRE(again.migrations.size() == 2);
  CHECK(again.migrations[1].name == "add_x");
  CHECK(read_file(again.migrations[0].up) == "CREATE TABLE t (id int);\n");
  CHECK(sum_text(tmp.path / "migrations") == read_file(tmp.path / "migrations" / kSumFile));
}

TEST_CASE("an edited migration is caught") {
  TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path, d);
  Migration m = write_migration(dir, sample("init", "CREATE TABLE t (id int);\n"));
  std::ofstream(m.up, std::ios::app) << "DROP TABLE t;\n";
  read_migrations(tmp.path, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "this migration was edited after it was written");
  CHECK(d[0].loc.file == m.up.string());
}

TEST_CASE("a migration from a parallel branch is caught as unrecorded and as a duplicate version") {
  TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path, d);
  write_migration(dir, sample("init", "CREATE TABLE t (id int);\n"));
  write_migration(dir, sample("mine", "SELECT 1;\n"));
  for (auto ext : {".up.sql", ".down.sql", ".snapshot.dsl"}) std::ofstream(tmp.path / (std::string("0002_theirs") + ext)) << "x";
  read_migrations(tmp.path, d);
  CHECK(mentions(d, "version 0002 is used by two migrations"));
  CHECK(mentions(d, "not recorded in schemac.sum"));
}

TEST_CASE("a deleted migration file and a missing half are reported") {
  TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path, d);
  Migration m = write_migration(dir, sample("init", "CREATE TABLE t (id int);\n"));
  fs::remove(m.down);
  read_migrations(tmp.path, d);
  CHECK(mentions(d, "this migration file is missing"));
  CHECK(mentions(d, "the file is gone"));
}

TEST_CASE("only NNNN_slug.{up.sql,down.sql,snapshot.dsl} files are migrations") {
  TempDir tmp;
  for (auto f : {"0001_init.up.sql", "0001_init.down.sql", "0001_init.snapshot.dsl", ".gitkeep"})
    std::ofstream(tmp.path / f) << "x";
  std::ofstream(tmp.path / kSumFile) << sum_text(tmp.path);
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path, d);
  CHECK(d.empty());  // hidden files and schemac.sum are no news
  REQUIRE(dir.migrations.size() == 1);
  CHECK(dir.migrations[0].name == "init");
}

namespace {

// The diagnostics read_migrations gives for a directory holding one complete migration and `name`.
Diagnostics beside_init(const std::string& name, bool as_directory = false) {
  TempDir tmp;
  for (auto f : {"0001_init.up.sql", "0001_init.down.sql", "0001_init.snapshot.dsl"}) std::ofstream(tmp.path / f) << "x";
  std::ofstream(tmp.path / kSumFile) << sum_text(tmp.path);
  if (as_directory)
    fs::create_directory(tmp.path / name);
  else
    std::ofstream(tmp.path / name) << "x";
  Diagnostics d;
  read_migrations(tmp.path, d);
  return d;
}

}  // namespace

TEST_CASE("a stray file in migrations/ is a warning naming it, never silence") {
  for (std::string name : {"README.md", "notes", "schema.dsl"}) {
    CAPTURE(name);
    Diagnostics d = beside_init(name);
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Diagnostic::Severity::warning);
    CHECK(d[0].loc.file.ends_with("/" + name));
    CHECK(d[0].message == "not a migration file; it is ignored");
    CHECK(d[0].hint.find("move this elsewhere") != std::string::npos);
  }
  Diagnostics dir = beside_init("archive", /*as_directory=*/true);
  REQUIRE(dir.size() == 1);
  CHECK(dir[0].severity == Diagnostic::Severity::warning);
}

TEST_CASE("a file that looks like a migration but is malformed is an error with the right name") {
  struct Case {
    std::string name, problem, fix;
  };
  for (auto& c : std::vector<Case>{
           {"0003_Add_Y.up.sql", "lower-case letters and digits", "rename it to 0003_add_y.up.sql"},
           {"0003_add-y.down.sql", "lower-case letters and digits", "rename it to 0003_add_y.down.sql"},
           {"0003_add__y.up.sql", "single underscores", "rename it to 0003_add_y.up.sql"},
           {"003_short.up.sql", "four digits", "rename it to 0003_short.up.sql"},
           {"00003_long.up.sql", "four digits", "rename it to 0003_long.up.sql"},
           {"0000_zero.up.sql", "versions start at 0001", "NNNN_name.up.sql"},
           {"1000000000_big.up.sql", "past 999999999", "at most 999999999"},
           {"99999999999999999999_huge.up.sql", "past 999999999", "at most 999999999"},
           {"0003_x.up.sql.bak", "does not end in", "move it out of the migrations directory"},
           {"0003_x.sql", "does not end in", "rename it"},
           {"0003.up.sql", "followed by _", "NNNN_name.up.sql"},
           {"0003_.up.sql", "lower-case letters", "NNNN_name.up.sql"},
           {"0003_x.UP.SQL", "lower case", "rename it to 0003_x.up.sql"},
           {"add_y.up.sql", "no version number", "NNNN_name.up.sql"},
           {"0003_caf\xc3\xa9.up.sql", "lower-case letters", "rename it to 0003_caf.up.sql"},
           {"0003_x\xff.up.sql", "lower-case letters", "rename it to 0003_x.up.sql"},
       }) {
    CAPTURE(c.name);
    Diagnostics d = beside_init(c.name);
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Diagnostic::Severity::error);
    CHECK(d[0].message.rfind("not a valid migration file name: ", 0) == 0);
    CHECK(d[0].message.find(c.problem) != std::string::npos);
    CHECK(d[0].hint.find(c.fix) != std::string::npos);
    // The name is shown, with what a terminal must not see escaped.
    CHECK(d[0].loc.file.find("0003_x\xff") == std::string::npos);
  }
  Diagnostics bad = beside_init("0003_x\xff.up.sql");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].loc.file.ends_with("/0003_x\\xFF.up.sql"));
  Diagnostics newline = beside_init("0003_x\n.up.sql");
  REQUIRE(newline.size() == 1);
  CHECK(newline[0].loc.file.ends_with("/0003_x\\n.up.sql"));
}

TEST_CASE("a directory or a symlink loop named like a migration file is an error, not a crash") {
  Diagnostics dir = beside_init("0002_next.up.sql", /*as_directory=*/true);
  REQUIRE_FALSE(dir.empty());
  CHECK(dir[0].message == "named like a migration file but is a directory");
  CHECK(has_errors(dir));

  TempDir tmp;
  fs::create_symlink("0001_init.up.sql", tmp.path / "0001_init.up.sql");
  Diagnostics loop;
  CHECK_NOTHROW(read_migrations(tmp.path, loop));
  REQUIRE_FALSE(loop.empty());
  CHECK(loop[0].loc.file == (tmp.path / "0001_init.up.sql").string());
  CHECK(loop[0].message.find("symlink loop") != std::string::npos);
}

TEST_CASE("the migrations directory: missing is no migrations yet; a file or a loop is an error") {
  TempDir tmp;
  Diagnostics none;
  CHECK(read_migrations(tmp.path / "missing", none).migrations.empty());
  CHECK(none.empty());

  std::ofstream(tmp.path / "migrations") << "not a directory";
  Diagnostics file;
  read_migrations(tmp.path / "migrations", file);
  REQUIRE(file.size() == 1);
  CHECK(file[0].message == "the migrations directory is not a directory");
  CHECK(file[0].loc.file == (tmp.path / "migrations").string());

  fs::create_symlink("loop", tmp.path / "loop");
  Diagnostics loop;
  CHECK_NOTHROW(read_migrations(tmp.path / "loop", loop));
  REQUIRE(loop.size() == 1);
  CHECK(loop[0].message.find("symlink loop") != std::string::npos);

  fs::create_symlink("nowhere", tmp.path / "dangling");
  Diagnostics dangling;
  read_migrations(tmp.path / "dangling", dangling);
  REQUIRE(dangling.size() == 1);
  CHECK(dangling[0].message == "is a symlink to a directory that does not exist");
}

TEST_CASE("a schemac.sum that is a directory is an error, not a crash") {
  TempDir tmp;
  for (auto f : {"0001_init.up.sql", "0001_init.down.sql", "0001_init.snapshot.dsl"}) std::ofstream(tmp.path / f) << "x";
  fs::create_directory(tmp.path / kSumFile);
  Diagnostics d;
  CHECK_NOTHROW(read_migrations(tmp.path, d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "cannot read: is a directory");
}

TEST_CASE("write_migration stops at the last version and never replaces a file") {
  TempDir tmp;
  MigrationDir full{tmp.path, {Migration{kMaxVersion, "last", {}, {}, {}}}};
  CHECK_THROWS_WITH_AS(write_migration(full, sample("more", "SELECT 1;\n")),
                       doctest::Contains("reached version 999999999"), FileError);
  CHECK(fs::is_empty(tmp.path));

  MigrationDir dir{tmp.path, {}};
  std::ofstream(tmp.path / "0001_init.snapshot.dsl") << "planted";
  CHECK_THROWS_WITH_AS(write_migration(dir, sample("init", "SELECT 1;\n")), doctest::Contains("already exists"),
                       FileError);
  CHECK_FALSE(fs::exists(tmp.path / "0001_init.up.sql"));
  CHECK(read_file(tmp.path / "0001_init.snapshot.dsl") == "planted");
}

TEST_CASE("diagnostics come in name order") {
  TempDir tmp;
  for (auto f : {"c.txt", "a.txt", "b.txt"}) std::ofstream(tmp.path / f) << "x";
  Diagnostics d;
  read_migrations(tmp.path, d);
  REQUIRE(d.size() == 3);
  CHECK(d[0].loc.file.ends_with("a.txt"));
  CHECK(d[1].loc.file.ends_with("b.txt"));
  CHECK(d[2].loc.file.ends_with("c.txt"));
}

TEST_CASE("lineage: each snapshot records the one before it, and a changed predecessor is caught on its line") {
  TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path, d);
  Migration first = write_migration(dir, sample("init", "CREATE TABLE t (id int);\n"));
  Migration second = write_migration(dir, sample("add_x", "SELECT 1;\n"));
  Snapshot s1 = read_snapshot(first), s2 = read_snapshot(second);
  CHECK(s1.parent == "none");
  CHECK(s2.parent == s1.hash);
  CHECK(s2.parent_stem == "0001_init");
  CHECK(s2.hash == "h1:" + sha256_hex("table t {\n  id int\n}\n"));  // the declaration, not the lineage line
  CHECK(s2.dsl == "\ntable t {\n  id int\n}\n");                     // line numbers unchanged
  CHECK(read_file(second.snapshot) == "// schemac:parent " + s1.hash + " (0001_init)\ntable t {\n  id int\n}\n");
  read_migrations(tmp.path, d);
  CHECK(d.empty());

  // The first migration's state changes after the second was planned on it (the sum is rewritten, as
  // `schemac migrate hash` would): the second no longer follows it.
  write_file_if_changed(first.snapshot, "// schemac:parent none\ntable t {\n  id bigint\n}\n");
  write_file_if_changed(tmp.path / kSumFile, sum_text(tmp.path));
  dir = read_migrations(tmp.path, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].loc.file == second.snapshot.string());
  CHECK(d[0].loc.line == 1);
  CHECK(d[0].message == "migration 0002_add_x was planned on an earlier version of 0001_init, not on the state "
                        "0001_init leaves now: its snapshot lacks what came in between (a parallel branch added or "
                        "changed a migration before it)");
  CHECK(d[0].hint == "run `schemac migrate rebase 0002` to re-plan it onto 0001_init, then review its files");
  Diagnostics without;
  read_migrations(tmp.path, without, /*lineage=*/false);
  CHECK(without.empty());

  // Rewriting it records the new predecessor.
  rewrite_migration(dir, 1, sample("add_x", "SELECT 2;\n"));
  Diagnostics after;
  read_migrations(tmp.path, after);
  CHECK(after.empty());
  CHECK(read_file(second.up) == "SELECT 2;\n");
}

TEST_CASE("lineage: snapshots without the line (written before it existed) are not checked") {
  Snapshot s = read_snapshot_text("table t {\n  id int\n}\n");
  CHECK(s.parent.empty());
  CHECK(s.dsl == "table t {\n  id int\n}\n");
  CHECK(s.hash == "h1:" + sha256_hex(s.dsl));
  TempDir tmp;
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path, d);
  Migration first = write_migration(dir, sample("init", "SELECT 1;\n"));
  write_migration(dir, sample("two", "SELECT 2;\n"));
  write_file_if_changed(first.snapshot, "table t {\n  id bigint\n}\n");  // and no line of its own
  write_file_if_changed(tmp.path / kSumFile, sum_text(tmp.path));
  read_migrations(tmp.path, d);
  CHECK(d.size() == 1);  // the second still names its parent, whose state changed
  write_file_if_changed(dir.migrations[1].snapshot, "table t {\n  id bigint\n}\n");
  write_file_if_changed(tmp.path / kSumFile, sum_text(tmp.path));
  Diagnostics none;
  read_migrations(tmp.path, none);
  CHECK(none.empty());
}

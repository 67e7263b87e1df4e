#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>

#include "migrate.hpp"

namespace fs = std::filesystem;
using namespace schemac;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / fmt_name();
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static std::string fmt_name() {
    static int n = 0;
    return "schemac_migrate_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
  }
};

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

TEST_CASE("write_file_if_changed leaves an identical file untouched") {
  TempDir tmp;
  fs::path p = tmp.path / "x.txt";
  write_file_if_changed(p, "same");
  auto before = fs::last_write_time(p);
  fs::last_write_time(p, before - std::chrono::hours(1));
  write_file_if_changed(p, "same");
  CHECK(fs::last_write_time(p) == before - std::chrono::hours(1));
  write_file_if_changed(p, "different");
  CHECK(read_file(p) == "different");
}

TEST_CASE("only NNNN_name.{up.sql,down.sql,snapshot.dsl} files are migrations") {
  TempDir tmp;
  for (auto f : {"0001_init.up.sql", "0001_init.down.sql", "0001_init.snapshot.dsl", "README.md", "001_short.up.sql",
                 "0002_Bad-Name.up.sql", "0003_x.up.sql.bak", "0004_.up.sql"})
    std::ofstream(tmp.path / f) << "x";
  std::ofstream(tmp.path / kSumFile) << sum_text(tmp.path);
  Diagnostics d;
  MigrationDir dir = read_migrations(tmp.path, d);
  CHECK(d.empty());
  REQUIRE(dir.migrations.size() == 1);
  CHECK(dir.migrations[0].name == "init");
  CHECK(sum_text(tmp.path).find("README") == std::string::npos);
}

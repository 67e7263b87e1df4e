#pragma once
// The migrations directory: versioned UP/DOWN SQL files, a canonical .dsl snapshot of the declared state after
// each migration (so offline `plan` needs no database and reviewers can read the state), and schemac.sum, a
// checksum of every file so that an edited applied migration or two branches adding migrations in parallel are
// caught before anything runs (the idea of Atlas's atlas.sum).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "files.hpp"

namespace schemac {

struct Migration {
  int version = 0;
  std::string name;  // the part after NNNN_
  std::filesystem::path up, down, snapshot;
  std::string stem() const;  // NNNN_name
};

struct MigrationDir {
  std::filesystem::path path;
  std::vector<Migration> migrations;  // ascending version
};

inline constexpr const char* kSumFile = "schemac.sum";
// Versions are written with at least four digits and read into an int: nine digits is the most that fits.
inline constexpr int kMaxVersion = 999999999;

// The names of the migration files in `dir` (NNNN_slug.up.sql, .down.sql, .snapshot.dsl), sorted. No entry is
// passed over in silence: hidden files (.gitkeep, editors' swap files) and schemac.sum are skipped, any other
// entry that is not a migration gets a warning, and one that looks like a migration (starts with a digit, or
// ends in .up.sql, .down.sql or .snapshot.dsl) but is malformed (`0003_Add_Y.up.sql`, `003_x.up.sql`, a version
// past kMaxVersion, a directory or a symlink loop named like one) is an error naming the right name. A missing
// directory has no migrations; a path that is not a directory is an error.
std::vector<std::string> migration_files(const std::filesystem::path& dir, Diagnostics& diags);

// Lists the migrations and verifies schemac.sum. A missing directory is an empty history. Every problem is a
// diagnostic naming the file and the fix: the naming problems of migration_files, duplicate versions, missing
// halves, files edited after they were recorded, files the sum does not know (a merge of parallel branches), a
// sum that lists absent files. Never throws for anything on disk.
MigrationDir read_migrations(const std::filesystem::path& dir, Diagnostics& diags);

// "Add Trades!" -> "add_trades"; empty when nothing usable is left.
std::string migration_slug(std::string_view name);

struct NewMigration {
  std::string name;  // slug
  std::string up_sql, down_sql, snapshot_dsl;
};

// Writes NNNN_name.up.sql, .down.sql and .snapshot.dsl with the next version, then rewrites schemac.sum.
// Throws FileError when a file cannot be written or the next version would pass kMaxVersion.
Migration write_migration(MigrationDir& dir, const NewMigration& m);

// The text schemac.sum should have for the files in `dir` (sorted; first line covers the rest).
std::string sum_text(const std::filesystem::path& dir);

std::string sha256_hex(std::string_view data);

}  // namespace schemac

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

// Lists the migrations and verifies schemac.sum. A missing directory is an empty history. Every problem is a
// diagnostic naming the file and the fix: duplicate versions, missing halves, files edited after they were
// recorded, files the sum does not know (a merge of parallel branches), a sum that lists absent files.
MigrationDir read_migrations(const std::filesystem::path& dir, Diagnostics& diags);

// "Add Trades!" -> "add_trades"; empty when nothing usable is left.
std::string migration_slug(std::string_view name);

struct NewMigration {
  std::string name;  // slug
  std::string up_sql, down_sql, snapshot_dsl;
};

// Writes NNNN_name.up.sql, .down.sql and .snapshot.dsl with the next version, then rewrites schemac.sum.
Migration write_migration(MigrationDir& dir, const NewMigration& m);

// The text schemac.sum should have for the files in `dir` (sorted; first line covers the rest).
std::string sum_text(const std::filesystem::path& dir);

std::string sha256_hex(std::string_view data);

std::string read_file(const std::filesystem::path& p);
void write_file_if_changed(const std::filesystem::path& p, std::string_view text);

}  // namespace schemac

#pragma once
// The migrations directory: versioned UP/DOWN SQL files, a canonical .dsl snapshot of the declared state after
// each migration (so offline `plan` needs no database and reviewers can read the state), and schemac.sum, a
// checksum of every file so that an edited applied migration or two branches adding migrations in parallel are
// caught before anything runs (the idea of Atlas's atlas.sum).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/files.hpp"

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

// Lists the migrations and verifies schemac.sum, then (when everything else is in order) the lineage of the
// snapshots, see check_lineage. A missing directory is an empty history. Every problem is a diagnostic naming
// the file and the fix: the naming problems of migration_files, duplicate versions, missing halves, files edited
// after they were recorded, files the sum does not know (a merge of parallel branches), a sum that lists absent
// files, a migration planned on another state than its predecessor's. Never throws for anything on disk.
MigrationDir read_migrations(const std::filesystem::path& dir, Diagnostics& diags, bool lineage = true);

// Lineage. Every snapshot starts with a line naming the state its migration was planned on: the hash of the
// predecessor's snapshot (after its own first line), or `none` for the first migration:
//   // schemac:parent h1:<sha256> (0005_add_fees)
// Two branches that each add 0006 both record 0005; renumbering one to 0007 leaves it recording 0005 while
// it now follows 0006, so its snapshot lacks 0006's change. Snapshots written before lineage existed have no
// such line and are not checked.
inline constexpr std::string_view kParentTag = "// schemac:parent ";

struct Snapshot {
  std::string parent;       // "h1:<hex>" or "none"; empty when the file has no lineage line
  std::string parent_stem;  // the predecessor's NNNN_name when it was written (for messages only)
  std::string dsl;          // the declaration, the lineage line blanked so that line numbers stay right
  std::string hash;         // "h1:<hex>" of the file after its lineage line: what a successor records
};
Snapshot read_snapshot_text(const std::string& text);
Snapshot read_snapshot(const Migration& m);

// One error per migration whose recorded parent is not its predecessor's snapshot, on its snapshot's first
// line, with the `schemac migrate rebase` command that re-plans it.
void check_lineage(const MigrationDir& dir, Diagnostics& diags);

// "Add Trades!" -> "add_trades"; empty when nothing usable is left.
std::string migration_slug(std::string_view name);

struct NewMigration {
  std::string name;  // slug
  std::string up_sql, down_sql, snapshot_dsl;
};

// Writes NNNN_name.up.sql, .down.sql and .snapshot.dsl with the next version (the snapshot's lineage line
// naming the newest migration's snapshot), then rewrites schemac.sum. Throws FileError when a file cannot be
// written or the next version would pass kMaxVersion.
Migration write_migration(MigrationDir& dir, const NewMigration& m);

// Replaces the files of dir.migrations[index] (same version and name), its snapshot now planned on its
// predecessor's, then rewrites schemac.sum: `schemac migrate rebase`.
void rewrite_migration(const MigrationDir& dir, size_t index, const NewMigration& m);

// The text schemac.sum should have for the files in `dir` (sorted; first line covers the rest).
std::string sum_text(const std::filesystem::path& dir);

std::string sha256_hex(std::string_view data);

}  // namespace schemac

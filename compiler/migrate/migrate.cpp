#include "migrate/migrate.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

#include "migrate/edition_file.hpp"
#include "model/text.hpp"

namespace fs = std::filesystem;

namespace schemac {

std::string Migration::stem() const { return fmt::format("{:04}_{}", version, name); }

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

std::string migration_slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

namespace {

struct FileName {
  int version = 0;
  std::string name, kind;  // kind: up.sql, down.sql or snapshot.dsl
};

// A directory entry that looks like a migration file: `file` when it is one, else what is wrong and the fix.
struct NameCheck {
  bool migration_like = false;
  std::optional<FileName> file;
  std::string problem, fix;
};

constexpr std::string_view kKinds[] = {"up.sql", "down.sql", "snapshot.dsl"};

// The kind `f` ends in, compared without case so that `X.UP.SQL` is a malformed migration, not a stray file.
std::string_view kind_of(std::string_view f) {
  std::string lower = to_lower(f);
  for (std::string_view kind : kKinds)
    if (lower.size() > kind.size() + 1 && lower.ends_with(kind) && lower[lower.size() - kind.size() - 1] == '.')
      return kind;
  return {};
}

// The problem with a migration-like name, in the order a reader fixes them; empty when there is none.
std::string name_problem(std::string_view f, std::string_view version, long long v, std::string_view after,
                         std::string_view kind, std::string_view name) {
  if (version.empty()) return "it has no version number in front";
  if (version.size() > 9) return fmt::format("its version is past {}, the largest schemac reads", kMaxVersion);
  if (v == 0) return "version 0 is not used: versions start at 0001";
  if (version != fmt::format("{:04}", v)) return "its version must have four digits (more only past 9999)";
  if (!after.starts_with('_')) return "the version must be followed by _ and the migration's name";
  if (kind.empty()) return "it does not end in .up.sql, .down.sql or .snapshot.dsl";
  if (!f.ends_with(kind)) return "its ending must be lower case";
  if (name.empty() || name != migration_slug(name))
    return "its name must be lower-case letters and digits joined by single underscores";
  return {};
}

// NNNN_slug.kind, exactly as write_migration names files (so a name and its version are read one way only);
// anything else that starts with a digit or ends in a migration kind is a malformed migration.
NameCheck check_name(std::string_view f) {
  std::string_view kind = kind_of(f);
  std::string_view body = kind.empty() ? f : f.substr(0, f.size() - kind.size() - 1);
  size_t digits = 0;
  while (digits < body.size() && std::isdigit(static_cast<unsigned char>(body[digits]))) ++digits;
  NameCheck out;
  out.migration_like = digits > 0 || !kind.empty();
  if (!out.migration_like) return out;
  std::string_view version = body.substr(0, digits), after = body.substr(digits);
  long long v = digits > 0 && digits <= 9 ? std::stoll(std::string(version)) : -1;
  std::string_view name = after.starts_with('_') ? after.substr(1) : after;
  out.problem = name_problem(f, version, v, after, kind, name);
  if (out.problem.empty()) {
    out.file = FileName{static_cast<int>(v), std::string(name), std::string(kind)};
  } else if (kind.empty()) {
    out.fix = "a migration file ends in .up.sql, .down.sql or .snapshot.dsl: rename it, or move it out of the "
              "migrations directory (backups and notes do not belong there)";
  } else if (v > 0 && !migration_slug(name).empty()) {
    out.fix = fmt::format("rename it to {:04}_{}.{} (the name `schemac migrate new` gives it), and its other "
                          "files alike; then run `schemac migrate hash`",
                          v, migration_slug(name), kind);
  } else {
    out.fix = fmt::format("rename it to NNNN_name.{}, NNNN the next free version (four digits, at most {}) and "
                          "name lower-case letters and digits joined by _; then run `schemac migrate hash`",
                          kind, kMaxVersion);
  }
  return out;
}

Diagnostic file_issue(const fs::path& p, std::string msg, std::string hint,
                      Diagnostic::Severity severity = Diagnostic::Severity::error) {
  return Diagnostic{severity, Loc{shown_path(p), 0, 0}, std::move(msg), std::move(hint)};
}

// One directory entry: a migration file's name goes into `files`, anything else gets its diagnostic.
void classify(const fs::directory_entry& e, std::vector<std::string>& files, Diagnostics& diags) {
  std::string f = e.path().filename().string();
  if (f.starts_with('.') || f == kSumFile || f == kEditionFile) return;
  NameCheck n = check_name(f);
  if (!n.migration_like) {
    diags.push_back(file_issue(e.path(), "not a migration file; it is ignored",
                               "the migrations directory holds NNNN_name.up.sql, .down.sql, .snapshot.dsl and "
                               "schemac.sum only: move this elsewhere",
                               Diagnostic::Severity::warning));
    return;
  }
  if (!n.file) {
    diags.push_back(file_issue(e.path(), "not a valid migration file name: " + n.problem, n.fix));
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(e.path(), ec);
  if (ec) {
    diags.push_back(file_diagnostic(file_error(e.path(), ec.value(), "read")));
  } else if (!fs::is_regular_file(st)) {
    diags.push_back(file_issue(e.path(), fs::is_directory(st) ? "named like a migration file but is a directory"
                                                              : "named like a migration file but is not a file",
                               "remove or rename it"));
  } else {
    files.push_back(f);
  }
}

// Groups the files by version and reports versions used twice or with a half missing.
std::vector<Migration> collect(const fs::path& dir, const std::vector<std::string>& files, Diagnostics& diags) {
  std::map<int, Migration> by_version;
  for (auto& f : files) {
    FileName n = *check_name(f).file;
    int v = n.version;
    Migration& mig = by_version[v];
    if (mig.version == 0) mig = Migration{v, n.name, {}, {}, {}};
    if (mig.name != n.name) {
      diags.push_back(file_issue(
          dir / f, fmt::format("version {:04} is used by two migrations: \"{}\" and \"{}\"", v, mig.name, n.name),
          "parallel branches both added a migration: renumber the one merged last to the next free version, run "
          "`schemac migrate hash`, then `schemac migrate rebase NNNN` (its new version) to re-plan it onto the other"));
      continue;
    }
    const std::string& kind = n.kind;
    (kind == "up.sql" ? mig.up : kind == "down.sql" ? mig.down : mig.snapshot) = dir / f;
  }
  std::vector<Migration> out;
  for (auto& [v, mig] : by_version) {
    for (auto [path, what] : {std::pair{&mig.up, "up.sql"}, {&mig.down, "down.sql"}, {&mig.snapshot, "snapshot.dsl"}})
      if (path->empty())
        diags.push_back(file_issue(dir / fmt::format("{}.{}", mig.stem(), what), "this migration file is missing",
                                   "restore it from version control; each migration has up, down and snapshot files"));
    out.push_back(mig);
  }
  return out;
}

void verify_sum(const fs::path& dir, const std::vector<std::string>& files, Diagnostics& diags) {
  fs::path sum_path = dir / kSumFile;
  std::error_code ec;
  // A sum that is a dangling symlink or a loop is there, and reading it says what is wrong with it.
  if (!fs::exists(fs::symlink_status(sum_path, ec))) {
    if (!files.empty())
      diags.push_back(file_issue(sum_path, "schemac.sum is missing",
                                 "run `schemac migrate hash` after checking the migrations are the ones you want"));
    return;
  }
  std::map<std::string, std::string> recorded;
  std::istringstream in(read_file(sum_path));
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) { first = false; continue; }
    auto sp = line.find(' ');
    if (sp != std::string::npos) recorded[line.substr(0, sp)] = line.substr(sp + 1);
  }
  for (auto& f : files) {
    auto it = recorded.find(f);
    if (it == recorded.end())
      diags.push_back(file_issue(dir / f, "this migration is not recorded in schemac.sum",
                                 "it was added by hand or came from a parallel branch: check its version is the "
                                 "newest, then run `schemac migrate hash`"));
    else if (it->second != "h1:" + sha256_hex(read_file(dir / f)))
      diags.push_back(file_issue(dir / f, "this migration was edited after it was written",
                                 "applied migrations must not change: revert the edit and add a new migration, or "
                                 "run `schemac migrate hash` if it was never applied anywhere"));
  }
  for (auto& [f, _] : recorded)
    if (!std::binary_search(files.begin(), files.end(), f))
      diags.push_back(file_issue(dir / f, "schemac.sum lists this migration but the file is gone",
                                 "restore it from version control, or run `schemac migrate hash` if it was removed "
                                 "on purpose and never applied"));
  std::string expected = sum_text(dir);
  if (!has_errors(diags) && read_file(sum_path) != expected)
    diags.push_back(file_issue(sum_path, "schemac.sum was edited or merged by hand",
                               "run `schemac migrate hash` to rewrite it"));
}

}  // namespace

std::vector<std::string> migration_files(const fs::path& dir, Diagnostics& diags) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (st.type() == fs::file_type::not_found) {
    if (fs::is_symlink(fs::symlink_status(dir, ec)))
      diags.push_back(file_issue(dir, "is a symlink to a directory that does not exist",
                                 "point the symlink at the migrations directory, or remove it"));
    return files;  // no directory yet: no migrations yet
  }
  if (ec) {
    diags.push_back(file_diagnostic(file_error(dir, ec.value(), "read the migrations directory")));
    return files;
  }
  if (!fs::is_directory(st)) {
    diags.push_back(file_issue(dir, "the migrations directory is not a directory",
                               "move this file away, or pass --dir with the migrations directory"));
    return files;
  }
  std::vector<fs::directory_entry> entries;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
  if (ec) diags.push_back(file_diagnostic(file_error(dir, ec.value(), "read the migrations directory")));
  // In name order, so that the diagnostics come out the same on every file system.
  std::sort(entries.begin(), entries.end());
  for (auto& e : entries) classify(e, files, diags);
  return files;
}

std::string sum_text(const fs::path& dir) {
  Diagnostics ignored;  // read_migrations reports them; the sum covers the migration files alone
  std::string body;
  for (auto& f : migration_files(dir, ignored))
    body += fmt::format("{} h1:{}\n", f, sha256_hex(read_file(dir / f)));
  return fmt::format("h1:{}\n{}", sha256_hex(body), body);
}

MigrationDir read_migrations(const fs::path& dir, Diagnostics& diags, bool lineage) {
  MigrationDir out{dir, {}};
  try {
    auto files = migration_files(dir, diags);
    out.migrations = collect(dir, files, diags);
    verify_sum(dir, files, diags);
    if (lineage && !has_errors(diags)) check_lineage(out, diags);
  } catch (const FileError& e) {
    diags.push_back(file_diagnostic(e));
  } catch (const fs::filesystem_error& e) {
    diags.push_back(file_diagnostic(file_error(e.path1(), e.code().value(), "read")));
  }
  return out;
}

Snapshot read_snapshot_text(const std::string& text) {
  Snapshot s;
  size_t eol = text.find('\n');
  std::string_view first = std::string_view(text).substr(0, eol);
  if (!first.starts_with(kParentTag)) {
    s.dsl = text;
    s.hash = "h1:" + sha256_hex(text);
    return s;
  }
  std::string_view rest = first.substr(kParentTag.size());
  size_t sp = rest.find(' ');
  s.parent = std::string(rest.substr(0, sp));
  if (sp != std::string_view::npos) {
    std::string_view stem = rest.substr(sp + 1);
    if (stem.starts_with('(') && stem.ends_with(')')) s.parent_stem = std::string(stem.substr(1, stem.size() - 2));
  }
  std::string body = eol == std::string::npos ? "" : text.substr(eol + 1);
  s.dsl = "\n" + body;
  s.hash = "h1:" + sha256_hex(body);
  return s;
}

Snapshot read_snapshot(const Migration& m) { return read_snapshot_text(read_file(m.snapshot)); }

namespace {
// The lineage line of the migration at `index`: it is planned on the snapshot of the one before it.
std::string lineage_line(const MigrationDir& dir, size_t index) {
  if (index == 0) return std::string(kParentTag) + "none\n";
  const Migration& prev = dir.migrations[index - 1];
  return fmt::format("{}{} ({})\n", kParentTag, read_snapshot(prev).hash, prev.stem());
}
}  // namespace

void check_lineage(const MigrationDir& dir, Diagnostics& diags) {
  for (size_t i = 0; i < dir.migrations.size(); ++i) {
    const Migration& m = dir.migrations[i];
    Snapshot s = read_snapshot(m);
    if (s.parent.empty()) continue;  // written before lineage was recorded
    Loc at{shown_path(m.snapshot), 1, 1};
    if (i == 0) {
      if (s.parent != "none")
        diags.push_back({Diagnostic::Severity::error, at,
                         fmt::format("the first migration {} was planned on an earlier migration{}, which is gone",
                                     m.stem(), s.parent_stem.empty() ? "" : " (" + s.parent_stem + ")"),
                         "restore the migrations before it from version control"});
      continue;
    }
    const Migration& prev = dir.migrations[i - 1];
    if (s.parent == read_snapshot(prev).hash) continue;
    std::string planned_on = s.parent_stem.empty()          ? "another state"
                             : s.parent_stem == prev.stem() ? "an earlier version of " + prev.stem()
                                                            : s.parent_stem;
    diags.push_back(
        {Diagnostic::Severity::error, at,
         fmt::format("migration {} was planned on {}, not on the state {} leaves now: its snapshot lacks what "
                     "came in between (a parallel branch added or changed a migration before it)",
                     m.stem(), planned_on, prev.stem()),
         fmt::format("run `schemac migrate rebase {:04}` to re-plan it onto {}, then review its files", m.version,
                     prev.stem())});
  }
}

Migration write_migration(MigrationDir& dir, const NewMigration& m) {
  Migration mig;
  int last = dir.migrations.empty() ? 0 : dir.migrations.back().version;
  if (last >= kMaxVersion)
    throw FileError(shown_path(dir.path), fmt::format("the migrations have reached version {}, the last one", last),
                    "fold the history into one new first migration (a baseline) and renumber from there");
  mig.version = last + 1;
  mig.name = m.name;
  mig.up = dir.path / (mig.stem() + ".up.sql");
  mig.down = dir.path / (mig.stem() + ".down.sql");
  mig.snapshot = dir.path / (mig.stem() + ".snapshot.dsl");
  // A new migration never replaces a file; read_migrations reports anything that could make one collide.
  for (const fs::path* p : {&mig.up, &mig.down, &mig.snapshot}) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(*p, ec)))
      throw FileError(shown_path(*p), "already exists", "run `schemac migrate new` on a directory without errors");
  }
  write_file_if_changed(mig.up, m.up_sql);
  write_file_if_changed(mig.down, m.down_sql);
  write_file_if_changed(mig.snapshot, lineage_line(dir, dir.migrations.size()) + m.snapshot_dsl);
  write_file_if_changed(dir.path / kSumFile, sum_text(dir.path));
  dir.migrations.push_back(mig);
  return mig;
}

void rewrite_migration(const MigrationDir& dir, size_t index, const NewMigration& m) {
  const Migration& mig = dir.migrations.at(index);
  write_file_if_changed(mig.up, m.up_sql);
  write_file_if_changed(mig.down, m.down_sql);
  write_file_if_changed(mig.snapshot, lineage_line(dir, index) + m.snapshot_dsl);
  write_file_if_changed(dir.path / kSumFile, sum_text(dir.path));
}

}  // namespace schemac

#include "migrate.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

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

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file_if_changed(const fs::path& p, std::string_view text) {
  // Leaving an unchanged file alone keeps its timestamp, so builds that depend on it do not rerun.
  if (fs::exists(p) && read_file(p) == text) return;
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  fs::path tmp = p;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", p.string()));
  }
  fs::rename(tmp, p);
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

// NNNN_name.kind with at least four digits and a name of [a-z0-9_]; anything else is not ours.
std::optional<FileName> parse_file_name(std::string_view f) {
  size_t digits = 0;
  while (digits < f.size() && std::isdigit(static_cast<unsigned char>(f[digits]))) ++digits;
  if (digits < 4 || digits > 9 || digits >= f.size() || f[digits] != '_') return std::nullopt;
  for (std::string_view kind : {"up.sql", "down.sql", "snapshot.dsl"}) {
    if (f.size() < digits + 2 + kind.size() || !f.ends_with(kind) || f[f.size() - kind.size() - 1] != '.') continue;
    std::string_view name = f.substr(digits + 1, f.size() - kind.size() - digits - 2);
    bool ok = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    if (ok) return FileName{std::stoi(std::string(f.substr(0, digits))), std::string(name), std::string(kind)};
  }
  return std::nullopt;
}

bool is_migration_file(const std::string& f) { return parse_file_name(f).has_value(); }

std::vector<std::string> migration_files(const fs::path& dir) {
  std::vector<std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && is_migration_file(e.path().filename().string()))
      files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

Diagnostic file_error(const fs::path& p, std::string msg, std::string hint) {
  return Diagnostic{Diagnostic::Severity::error, Loc{p.string(), 0, 0}, std::move(msg), std::move(hint)};
}

// Groups the files by version and reports versions used twice or with a half missing.
std::vector<Migration> collect(const fs::path& dir, const std::vector<std::string>& files, Diagnostics& diags) {
  std::map<int, Migration> by_version;
  for (auto& f : files) {
    FileName n = *parse_file_name(f);
    int v = n.version;
    Migration& mig = by_version[v];
    if (mig.version == 0) mig = Migration{v, n.name, {}, {}, {}};
    if (mig.name != n.name) {
      diags.push_back(file_error(dir / f, fmt::format("version {:04} is used by two migrations: \"{}\" and \"{}\"", v,
                                                      mig.name, n.name),
                                 "parallel branches both added a migration: renumber one of them with the next free "
                                 "version, or delete it and run `schemac migrate new` again"));
      continue;
    }
    const std::string& kind = n.kind;
    (kind == "up.sql" ? mig.up : kind == "down.sql" ? mig.down : mig.snapshot) = dir / f;
  }
  std::vector<Migration> out;
  for (auto& [v, mig] : by_version) {
    for (auto [path, what] : {std::pair{&mig.up, "up.sql"}, {&mig.down, "down.sql"}, {&mig.snapshot, "snapshot.dsl"}})
      if (path->empty())
        diags.push_back(file_error(dir / fmt::format("{}.{}", mig.stem(), what), "this migration file is missing",
                                   "restore it from version control; each migration has up, down and snapshot files"));
    out.push_back(mig);
  }
  return out;
}

void verify_sum(const fs::path& dir, const std::vector<std::string>& files, Diagnostics& diags) {
  fs::path sum_path = dir / kSumFile;
  if (!fs::exists(sum_path)) {
    if (!files.empty())
      diags.push_back(file_error(sum_path, "schemac.sum is missing",
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
      diags.push_back(file_error(dir / f, "this migration is not recorded in schemac.sum",
                                 "it was added by hand or came from a parallel branch: check its version is the "
                                 "newest, then run `schemac migrate hash`"));
    else if (it->second != "h1:" + sha256_hex(read_file(dir / f)))
      diags.push_back(file_error(dir / f, "this migration was edited after it was written",
                                 "applied migrations must not change: revert the edit and add a new migration, or "
                                 "run `schemac migrate hash` if it was never applied anywhere"));
  }
  for (auto& [f, _] : recorded)
    if (!std::binary_search(files.begin(), files.end(), f))
      diags.push_back(file_error(dir / f, "schemac.sum lists this migration but the file is gone",
                                 "restore it from version control, or run `schemac migrate hash` if it was removed "
                                 "on purpose and never applied"));
  std::string expected = sum_text(dir);
  if (diags.empty() && read_file(sum_path) != expected)
    diags.push_back(file_error(sum_path, "schemac.sum was edited or merged by hand",
                               "run `schemac migrate hash` to rewrite it"));
}

}  // namespace

std::string sum_text(const fs::path& dir) {
  std::string body;
  for (auto& f : migration_files(dir)) body += fmt::format("{} h1:{}\n", f, sha256_hex(read_file(dir / f)));
  return fmt::format("h1:{}\n{}", sha256_hex(body), body);
}

MigrationDir read_migrations(const fs::path& dir, Diagnostics& diags) {
  auto files = migration_files(dir);
  MigrationDir out{dir, collect(dir, files, diags)};
  verify_sum(dir, files, diags);
  return out;
}

Migration write_migration(MigrationDir& dir, const NewMigration& m) {
  Migration mig;
  mig.version = dir.migrations.empty() ? 1 : dir.migrations.back().version + 1;
  mig.name = m.name;
  mig.up = dir.path / (mig.stem() + ".up.sql");
  mig.down = dir.path / (mig.stem() + ".down.sql");
  mig.snapshot = dir.path / (mig.stem() + ".snapshot.dsl");
  write_file_if_changed(mig.up, m.up_sql);
  write_file_if_changed(mig.down, m.down_sql);
  write_file_if_changed(mig.snapshot, m.snapshot_dsl);
  write_file_if_changed(dir.path / kSumFile, sum_text(dir.path));
  dir.migrations.push_back(mig);
  return mig;
}

}  // namespace schemac

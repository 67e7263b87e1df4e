// `schemac generate`: C++ headers for a declaration, written only where they changed; `--check` says which are
// stale instead.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "codegen/generate.hpp"
#include "codegen/templates.hpp"
#include "dsl/load.hpp"
#include "model/files.hpp"

namespace fs = std::filesystem;

namespace schemac {

// A path as the DO-NOT-EDIT header shows it: the same on every machine and in every scratch directory, so
// output is deterministic. Relative paths as given; an absolute one relative to the working directory when it
// is inside it, else its file name alone.
std::string generate_shown_path(const std::string& given) {
  fs::path p(given);
  if (p.is_relative()) return p.lexically_normal().generic_string();
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path rel = p.lexically_normal().lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return p.filename().generic_string();
}

std::string generate_command_line(const GenerateArgs& a) {
  std::string cmd = "schemac generate " + generate_shown_path(a.file) + " --out " + generate_shown_path(a.out);
  if (a.templates) cmd += " --templates " + generate_shown_path(*a.templates);
  return cmd;
}

namespace {

int run_generate(const GenerateArgs& a, Io io) {
  Loaded l = load_dsl(a.file);
  print_diagnostics(l, io.err);
  if (!l.ok()) return 1;
  std::map<std::string, std::string> templates;
  try {
    templates = codegen::load_templates(a.templates ? std::optional<fs::path>(*a.templates) : std::nullopt);
  } catch (const FileError&) {
    throw;  // guarded() reports it with its hint
  } catch (const std::runtime_error& e) {
    return report_error(e.what(), "name each override after a built-in template, or remove it", io);
  }
  codegen::Generated g = codegen::generate(l.schema, templates, codegen::GenerateOptions{generate_command_line(a)});
  if (!g.ok()) {
    print_diagnostics(g.diags, l.sources, io.err);
    return 1;
  }
  std::vector<std::pair<std::string, bool>> stale;  // path, and whether it exists at all
  size_t written = 0;
  for (const codegen::GeneratedFile& f : g.files) {
    const fs::path path = fs::path(a.out) / f.path;
    const bool exists = fs::is_regular_file(path);
    if (exists && read_file(path) == f.text) continue;
    if (a.check) {
      stale.emplace_back(shown_path(path), exists);
    } else {
      write_file_if_changed(path, f.text);
      ++written;
    }
  }
  if (a.check) {
    for (const auto& [path, exists] : stale)
      fmt::print(io.err, "{}: {}\n", path, exists ? "stale, differs from what generate writes" : "missing");
    if (!stale.empty()) {
      fmt::print(io.err, "hint: run `{}`\n", generate_command_line(GenerateArgs{a.file, a.out, a.templates, false}));
      return 2;
    }
    fmt::print(io.out, "{}: up to date ({} files)\n", shown_path(a.out), g.files.size());
    return 0;
  }
  fmt::print(io.out, "{}: {} of {} files written, the rest unchanged\n", shown_path(a.out), written, g.files.size());
  return 0;
}

}  // namespace

int cmd_generate(const GenerateArgs& a, Io io) {
  return guarded(io, [&] { return run_generate(a, io); });
}

}  // namespace schemac

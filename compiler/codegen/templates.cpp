#include "codegen/templates.hpp"

#include <stdexcept>

#include "model/files.hpp"

namespace schemac::codegen {

std::map<std::string, std::string> load_templates(const std::optional<std::filesystem::path>& dir) {
  std::map<std::string, std::string> out = builtin_templates();
  if (!dir) return out;
  if (!std::filesystem::is_directory(*dir))
    throw FileError(dir->string(), "is not a directory", "pass the directory that holds the .mustache files");
  for (const auto& e : std::filesystem::directory_iterator(*dir)) {
    const std::filesystem::path& p = e.path();
    if (p.extension() != ".mustache") continue;
    const std::string name = p.stem().string();
    if (!out.count(name)) {
      std::string known;
      for (const auto& [n, _] : builtin_templates()) known += (known.empty() ? "" : ", ") + n + ".mustache";
      throw std::runtime_error(shown_path(p) + ": no template of this name (the templates are " + known + ")");
    }
    out[name] = read_file(p);
  }
  return out;
}

std::string join_standalone_tags(const std::string& text) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    const bool has_newline = end != std::string::npos;
    if (!has_newline) end = text.size();
    const std::string_view line(text.data() + at, end - at);
    const size_t first = line.find_first_not_of(" \t");
    const size_t last = line.find_last_not_of(" \t\r");
    const bool standalone = first != std::string_view::npos && line.substr(first, 2) == "{{" && first + 2 < line.size() &&
                            std::string_view("#^/!").find(line[first + 2]) != std::string_view::npos &&
                            line.substr(last - 1, 2) == "}}" && line.find("}}", first) == last - 1;
    if (standalone) {
      // The tag moves to the end of the line before, without its indentation, so its own line is gone whether
      // the section renders or not. It stays where it is at the very start of the text, after a blank line
      // (there it would stand alone again) and after a line ending in `{`, where `{{{` would read as a triple
      // mustache; kainjow's own standalone handling then applies, right for a section that renders.
      if (out.size() >= 2 && out.back() == '\n' && out[out.size() - 2] != '{' && out[out.size() - 2] != '\n')
        out.pop_back();
      out.append(line.substr(first, last + 1 - first));
      if (has_newline) out += '\n';
    } else {
      out.append(text, at, end - at + (has_newline ? 1 : 0));
    }
    at = end + 1;
  }
  return out;
}

}  // namespace schemac::codegen

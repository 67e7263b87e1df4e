#include "diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace schemac {

bool has_errors(const Diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(), [](auto& d) { return d.severity == Diagnostic::Severity::error; });
}

static std::string_view line_of(std::string_view source, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    start = source.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = source.find('\n', start);
  return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::string render_diagnostic(const Diagnostic& d, std::string_view source) {
  const char* sev = d.severity == Diagnostic::Severity::error ? "error" : "warning";
  std::string out;
  if (d.loc.known())
    out = fmt::format("{}:{}:{}: {}: {}\n", d.loc.file, d.loc.line, d.loc.col, sev, d.message);
  else
    out = fmt::format("{}{}{}: {}\n", d.loc.file, d.loc.file.empty() ? "" : ": ", sev, d.message);
  if (d.loc.known() && !source.empty()) {
    std::string_view text = line_of(source, d.loc.line);
    // Tabs are kept in the caret line so the caret lines up under the source in any tab width.
    std::string pad;
    for (uint32_t i = 0; i + 1 < d.loc.col && i < text.size(); ++i) pad += text[i] == '\t' ? '\t' : ' ';
    out += fmt::format("  {}\n  {}^\n", text, pad);
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  return out;
}

void sort_diagnostics(Diagnostics& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
  });
}

}  // namespace schemac

#include "model/diagnostic.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

#include "model/text.hpp"

namespace schemac {

bool has_errors(const Diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(), [](auto& d) { return d.severity == Diagnostic::Severity::error; });
}

Loc loc_of_byte(const std::string& file, std::string_view text, size_t byte) {
  std::string_view t = text.substr(0, byte);
  size_t line_start = t.rfind('\n') + 1;  // npos + 1 == 0
  Loc l{file, static_cast<uint32_t>(std::count(t.begin(), t.end(), '\n') + 1), 1};
  for (size_t i = line_start; i < t.size(); ++l.col) i += std::max<size_t>(1, utf8_char(t.substr(i)).size);
  return l;
}

namespace {

// Where each line of a text starts.
std::vector<size_t> line_starts(std::string_view source) {
  std::vector<size_t> starts{0};
  for (size_t i = source.find('\n'); i != std::string_view::npos; i = source.find('\n', i + 1)) starts.push_back(i + 1);
  return starts;
}

// Line `line` (1-based) of source, without its newline; empty past the end.
std::string_view line_of(std::string_view source, const std::vector<size_t>& starts, uint32_t line) {
  if (line == 0 || line > starts.size()) return {};
  size_t start = starts[line - 1];
  size_t end = line < starts.size() ? starts[line] - 1 : source.size();
  return source.substr(start, end - start);
}

// How many terminal columns c takes: 2 for wide characters (CJK, most emoji), 0 for combining marks, by the
// Unicode tables utf8proc carries (the C library's wcwidth depends on the locale, which need not be UTF-8).
int display_width(char32_t c) {
  if (c < 0x80) return 1;
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
}

bool is_control(char32_t c) { return (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0); }

struct Excerpt {
  std::string line, caret_pad;
};

// The source line as printed, and the padding that puts a caret under character `col` (1-based, counted in
// code points as Loc::col is). Bytes that are not UTF-8 and control characters are shown as U+FFFD, one
// character each, so the terminal shows what the file holds without being driven by it. Tabs are kept in the
// padding so the caret lines up under the source in any tab width.
Excerpt excerpt(std::string_view text, uint32_t col) {
  if (text.ends_with('\r')) text.remove_suffix(1);
  Excerpt e;
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size(); ++chars) {
    Utf8Char c = utf8_char(text.substr(i));
    bool shown = c.size != 0 && !is_control(c.code);
    e.line += shown ? text.substr(i, c.size) : "\uFFFD";
    if (chars + 1 < col) e.caret_pad += c.code == '\t' ? "\t" : std::string(shown ? display_width(c.code) : 1, ' ');
    i += c.size == 0 ? 1 : c.size;
  }
  return e;
}

std::string render(const Diagnostic& d, std::string_view source, const std::vector<size_t>& starts) {
  const char* sev = d.severity == Diagnostic::Severity::error ? "error" : "warning";
  std::string out;
  if (d.loc.known())
    out = fmt::format("{}:{}:{}: {}: {}\n", d.loc.file, d.loc.line, d.loc.col, sev, d.message);
  else
    out = fmt::format("{}{}{}: {}\n", d.loc.file, d.loc.file.empty() ? "" : ": ", sev, d.message);
  if (d.loc.known() && !source.empty()) {
    Excerpt e = excerpt(line_of(source, starts, d.loc.line), d.loc.col);
    out += fmt::format("  {}\n  {}^\n", e.line, e.caret_pad);
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  return out;
}

}  // namespace

std::string render_diagnostic(const Diagnostic& d, std::string_view source) {
  return render(d, source, line_starts(source));
}

std::string render_diagnostics(const Diagnostics& ds, const std::map<std::string, std::string>& sources) {
  std::map<std::string, std::vector<size_t>> starts;
  std::string out;
  for (auto& d : ds) {
    auto text = sources.find(d.loc.file);
    if (text == sources.end()) {
      out += render(d, {}, {});
      continue;
    }
    auto lines = starts.find(d.loc.file);
    if (lines == starts.end()) lines = starts.emplace(d.loc.file, line_starts(text->second)).first;
    out += render(d, text->second, lines->second);
  }
  return out;
}

void sort_diagnostics(Diagnostics& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
  });
}

}  // namespace schemac

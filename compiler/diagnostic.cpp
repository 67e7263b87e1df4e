#include "diagnostic.hpp"

#include <fmt/format.h>

#include <locale.h>
#include <wchar.h>

#include <algorithm>

#include "text.hpp"

namespace schemac {

bool has_errors(const Diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(), [](auto& d) { return d.severity == Diagnostic::Severity::error; });
}

namespace {

std::string_view line_of(std::string_view source, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    start = source.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = source.find('\n', start);
  return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// How many terminal columns c takes: 2 for wide characters (CJK, most emoji), 0 for combining marks. The C
// library's tables are read in the C.UTF-8 locale because the user's locale need not be UTF-8.
int display_width(char32_t c) {
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
  if (c < 0x80 || !utf8) return 1;
  locale_t old = uselocale(utf8);
  int w = wcwidth(static_cast<wchar_t>(c));
  uselocale(old);
  return w < 0 ? 1 : w;
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

}  // namespace

std::string render_diagnostic(const Diagnostic& d, std::string_view source) {
  const char* sev = d.severity == Diagnostic::Severity::error ? "error" : "warning";
  std::string out;
  if (d.loc.known())
    out = fmt::format("{}:{}:{}: {}: {}\n", d.loc.file, d.loc.line, d.loc.col, sev, d.message);
  else
    out = fmt::format("{}{}{}: {}\n", d.loc.file, d.loc.file.empty() ? "" : ": ", sev, d.message);
  if (d.loc.known() && !source.empty()) {
    Excerpt e = excerpt(line_of(source, d.loc.line), d.loc.col);
    out += fmt::format("  {}\n  {}^\n", e.line, e.caret_pad);
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

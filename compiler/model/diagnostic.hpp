#pragma once
// Diagnostics every stage reports: a place, a plain-words message, and the fix where there is one.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace schemac {

struct Diagnostic {
  enum class Severity { error, warning };
  Severity severity = Severity::error;
  Loc loc;
  std::string message;
  std::string hint;  // how to fix it; printed on its own line when set
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& ds);

// The place of byte `byte` of `text` (the contents of `file`): line, and column in code points as Loc counts
// them; a byte that is not UTF-8 counts as one character, as render_diagnostic shows it.
Loc loc_of_byte(const std::string& file, std::string_view text, size_t byte);

// `file:line:col: error: message`, then the source line, a caret under the column, and the hint.
// `source` is the text of loc.file (empty when unknown: then only the first line is printed).
std::string render_diagnostic(const Diagnostic& d, std::string_view source);

// Each diagnostic rendered as above against the text of its file in `sources` (file name -> text). Each text's
// lines are indexed once, so many diagnostics of a large file take time linear in its size.
std::string render_diagnostics(const Diagnostics& ds, const std::map<std::string, std::string>& sources);

// Diagnostics sorted by place (stable), so output does not depend on the order stages found them.
void sort_diagnostics(Diagnostics& ds);

}  // namespace schemac

#include "model/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace schemac {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  // Case is compared loosely so `Symbol_ID` finds `symbol_id`; a third of the word may be wrong, at most 3
  // edits, so short unrelated names ("id" for "ts") are not offered.
  std::string w = to_lower(word);
  size_t limit = std::clamp<size_t>(w.size() / 3, 1, 3);
  std::string best;
  size_t best_d = limit + 1;
  for (auto& c : candidates) {
    if (c == word) continue;
    size_t d = edit_distance(w, to_lower(c));
    if (d < best_d && d < w.size()) best_d = d, best = c;  // "y" is no typo of "x": they share nothing
  }
  return best;
}

}  // namespace schemac

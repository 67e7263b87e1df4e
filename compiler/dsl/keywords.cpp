#include "dsl/keywords.hpp"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cctype>

#include "model/text.hpp"

extern "C" const TSLanguage* tree_sitter_schemac(void);

namespace schemac {
namespace {

bool is_word(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c) || c == '_'; });
}

std::vector<std::string> read_keywords() {
  const TSLanguage* lang = tree_sitter_schemac();
  std::vector<std::string> out;
  for (TSSymbol s = 0; s < ts_language_symbol_count(lang); ++s) {
    if (ts_language_symbol_type(lang, s) != TSSymbolTypeAnonymous) continue;
    std::string_view name = ts_language_symbol_name(lang, s);
    if (is_word(name)) out.emplace_back(name);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

const std::vector<std::string>& dsl_keywords() {
  static const std::vector<std::string> keywords = read_keywords();
  return keywords;
}

const std::vector<std::string>& bare_name_keywords() {
  static const std::vector<std::string> words = {"action", "by",   "cascade",   "delete",   "first",    "hash",
                                                 "key",    "last", "many",      "no",       "one",      "precision",
                                                 "range",  "restrict", "set", "update"};
  return words;
}

bool is_dsl_keyword(std::string_view word) {
  const auto& k = dsl_keywords();
  std::string w = to_lower(word);
  const auto& bare = bare_name_keywords();
  return std::binary_search(k.begin(), k.end(), w) && std::find(bare.begin(), bare.end(), w) == bare.end();
}

}  // namespace schemac

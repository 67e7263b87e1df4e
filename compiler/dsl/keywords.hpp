#pragma once
// The DSL's keywords, read from the generated grammar itself (its anonymous word tokens), so the parser's
// suggestions and the printer's quoting follow grammar.js without a copied list.

#include <string>
#include <string_view>
#include <vector>

namespace schemac {

// Every word the grammar spells out ("table", "primary", "nulls", ...), sorted.
const std::vector<std::string>& dsl_keywords();

// Whether a name spelled `word` (in any letter case) must be quoted in DSL text: every grammar word except the
// few that only ever follow another keyword (`key` after primary/foreign, `last` after nulls, ...), which a
// name can never be mistaken for. A word the grammar gains is quoted until it is shown harmless here.
bool is_dsl_keyword(std::string_view word);

// Those exceptions: words a name may use bare (keywords_test.cpp parses each in every place a name stands).
const std::vector<std::string>& bare_name_keywords();

}  // namespace schemac

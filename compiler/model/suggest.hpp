#pragma once
// "Did you mean" suggestions for misspelt names and keywords, shared by parse and check.

#include <string>
#include <string_view>
#include <vector>

#include "model/text.hpp"

namespace schemac {

// Levenshtein distance.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo, or empty.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace schemac

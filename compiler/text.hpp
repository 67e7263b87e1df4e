#pragma once
// Small string helpers every stage uses.

#include <string>
#include <string_view>
#include <vector>

namespace schemac {

// Without leading and trailing ASCII white space.
std::string trim(std::string_view s);

// The parts with `sep` between them.
std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ");

// ASCII lower case (SQL keywords and built-in type names are ASCII).
std::string to_lower(std::string_view s);

}  // namespace schemac

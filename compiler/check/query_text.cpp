#include "check/query_text.hpp"

#include <algorithm>
#include <cctype>

namespace schemac {

std::string numbered_params(const std::string& where, std::vector<std::string>& names,
                            const std::function<std::string(size_t)>& placeholder) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
  std::string out;
  for (size_t i = 0; i < where.size(); ++i) {
    char c = where[i];
    if (c == '\'' || c == '"') {  // a quoted run; a doubled quote stays inside
      size_t j = i + 1;
      while (j < where.size() && !(where[j] == c && (j + 1 >= where.size() || where[j + 1] != c))) j += where[j] == c ? 2 : 1;
      out.append(where, i, j + 1 - i);
      i = j;
    } else if (c == ':' && i + 1 < where.size() && where[i + 1] == ':') {
      out += "::";
      ++i;
    } else if (c == ':' && i + 1 < where.size() && word(where[i + 1]) && !std::isdigit(static_cast<unsigned char>(where[i + 1]))) {
      size_t j = i + 1;
      while (j < where.size() && word(where[j])) ++j;
      std::string name = where.substr(i + 1, j - i - 1);
      auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end()) it = names.insert(names.end(), name);
      const auto k = static_cast<size_t>(it - names.begin() + 1);
      out += placeholder ? placeholder(k) : "$" + std::to_string(k);
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace schemac

#pragma once
// A query's where clause as SQL: each `:name` (the DSL's parameters) replaced by a numbered placeholder. check
// reads the result with PostgreSQL's parser; codegen sends it to the server.

#include <functional>
#include <string>
#include <vector>

namespace schemac {

// `where` with each `:name` replaced by `placeholder(k)` ($k by default), where `names[k - 1]` is the name:
// names already in `names` keep their number (codegen passes the declared parameters, so $k is the k-th
// argument), a new one is appended. Quoted text and `::` casts are left alone.
std::string numbered_params(const std::string& where, std::vector<std::string>& names,
                            const std::function<std::string(size_t)>& placeholder = {});

}  // namespace schemac

#pragma once
// C++ identifiers for SQL names. SQL allows any text as a name ("Order Lines", "class", "prix €"); generated
// code needs identifiers that compile, read like the SQL name and stay the same from one run to the next, so
// that a program written against them keeps compiling while the schema grows.

#include <set>
#include <string>
#include <string_view>

namespace schemac::codegen {

// One SQL name as a C++ identifier: ASCII letters, digits and underscores kept as they are (capitals too: the
// name reads the same), every other ASCII character and each run of them one `_`, each non-ASCII code point
// `u` and its hex code (`é` -> `u00e9`: plain ASCII, so every compiler, editor and linker takes it, unlike UTF-8
// identifiers), no leading or doubled underscore (both are reserved to the implementation), a digit first gets
// `x` before it, and a C++ keyword or alternative token gets `_` after it. Never empty.
std::string cpp_identifier(std::string_view sql_name);

// True for C++20 keywords and alternative tokens (and, or, not, ...), which cannot name anything.
bool is_cpp_keyword(std::string_view word);

// The identifiers of one C++ scope (a namespace or a struct): each name asked for gets cpp_identifier's answer,
// or, when that is taken (two SQL names mangle alike, or a name the generated code uses itself), the first free
// of `_2`, `_3`, ... after it. Names are asked for in declaration order, so the result is deterministic.
class NameScope {
 public:
  NameScope() = default;
  explicit NameScope(std::set<std::string> reserved) : taken_(std::move(reserved)) {}
  std::string add(std::string_view sql_name);
  // Marks an identifier used without asking for one (a fixed name of the generated code).
  void reserve(const std::string& identifier) { taken_.insert(identifier); }

 private:
  std::set<std::string> taken_;
};

}  // namespace schemac::codegen

// Helpers the check rules share: reporting, suggestions, type resolution.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "check/check.hpp"
#include "check/check_internal.hpp"
#include "sql/names.hpp"
#include "model/suggest.hpp"
#include "model/types.hpp"

namespace schemac {

namespace check_detail {

void Reporter::error(const Loc& loc, std::string message, std::string hint) {
  out.push_back({Diagnostic::Severity::error, loc, std::move(message), std::move(hint)});
}
void Reporter::warning(const Loc& loc, std::string message, std::string hint) {
  out.push_back({Diagnostic::Severity::warning, loc, std::move(message), std::move(hint)});
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = closest_name(word, candidates);
  return best.empty() ? std::string() : fmt::format("did you mean \"{}\"?", best);
}

std::string unknown_name_hint(std::string_view word, const std::vector<std::string>& candidates,
                              std::string_view what) {
  if (auto hint = did_you_mean(word, candidates); !hint.empty()) return hint;
  if (candidates.empty() || candidates.size() > 12) return {};
  return fmt::format("{} are: {}", what, fmt::join(candidates, ", "));
}

std::string display_name(std::string_view schema, std::string_view name) {
  return schema == "public" ? std::string(name) : fmt::format("{}.{}", schema, name);
}
std::string display_name(const Table& t) { return display_name(t.schema, t.name); }

bool require_column(Reporter& r, const Table& t, const std::string& column, const Loc& loc, std::string_view what) {
  if (t.column(column)) return true;
  r.error(loc, fmt::format("unknown column \"{}\" in {}", column, what),
          unknown_name_hint(column, t.column_names(), fmt::format("the columns of \"{}\"", display_name(t))));
  return false;
}

bool require_columns(Reporter& r, const Table& t, const std::vector<std::string>& columns, const Loc& loc,
                     std::string_view what) {
  bool ok = true;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!require_column(r, t, columns[i], loc, what)) ok = false;
    else if (std::find(columns.begin(), columns.begin() + i, columns[i]) != columns.begin() + i) {
      r.error(loc, fmt::format("column \"{}\" appears twice in {}", columns[i], what));
      ok = false;
    }
  }
  return ok;
}

bool has_extension(const Schema& s, std::string_view name) { return s.find_extension(std::string(name)) != nullptr; }

namespace {

// Types that extensions add, and the extension that adds them: a column of such a type needs the extension.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kExtensionTypes = {{
    {"vector", "vector"},
    {"halfvec", "vector"},
    {"sparsevec", "vector"},
    {"citext", "citext"},
    {"hstore", "hstore"},
    {"geometry", "postgis"},
    {"geography", "postgis"},
    {"ltree", "ltree"},
    {"lquery", "ltree"},
    {"ltxtquery", "ltree"},
}};

// Extensions known to add no column types (or only the ones listed above). An extension outside both lists
// may add any type, so a type name we do not know is passed through when one is declared.
constexpr std::array<std::string_view, 19> kKnownExtensions = {
    "timescaledb", "pg_trgm",  "pgcrypto",  "uuid-ossp",       "pg_cron", "pg_stat_statements", "plpgsql",
    "btree_gin",   "btree_gist", "pg_partman", "tablefunc",     "unaccent", "fuzzystrmatch",     "vector",
    "citext",      "hstore",   "postgis",   "ltree",           "bloom",
};

std::string_view extension_for_type(std::string_view name) {
  for (auto& [type, ext] : kExtensionTypes)
    if (type == name) return ext;
  return {};
}

bool has_unknown_extension(const Schema& s) {
  return std::any_of(s.extensions.begin(), s.extensions.end(), [](auto& e) {
    return std::find(kKnownExtensions.begin(), kKnownExtensions.end(), e.name) == kKnownExtensions.end();
  });
}

const Enum* find_enum_in_scope(const Schema& s, const Type& t, const std::string& scope) {
  if (!t.schema.empty()) return s.find_enum(t.schema, t.name);
  if (const Enum* e = s.find_enum(scope, t.name)) return e;
  return s.find_enum("public", t.name);
}

std::vector<std::string> type_candidates(const Schema& s) {
  std::vector<std::string> out = builtin_type_names();
  for (auto& e : s.enums) out.push_back(e.name);
  return out;
}

bool resolve_enum(Reporter& r, const Enum& e, Type& type, const Loc& loc) {
  type.schema = e.schema;
  if (type.mods.empty()) return true;
  r.error(loc, fmt::format("enum type \"{}\" takes no modifiers", type.name),
          fmt::format("write \"{}\" without the parentheses", type.name));
  return false;
}

bool resolve_builtin(Reporter& r, Type& type, const Loc& loc) {
  if (auto err = type_mod_error(type); !err.empty()) {
    r.error(loc, err);
    return false;
  }
  Type element = type;
  element.array_dims = 0;
  if (type.array_dims > 0 && is_serial(element)) {
    r.error(loc, fmt::format("type {} cannot be an array", type.name),
            fmt::format("use {}[]", storage_type(element).name));
    return false;
  }
  return true;
}

}  // namespace

bool resolve_type(Reporter& r, const Schema& s, Type& type, const std::string& scope, const Loc& loc) {
  if (type.name.empty()) return false;  // a syntax error the parser reported already
  if (const Enum* e = find_enum_in_scope(s, type, scope)) return resolve_enum(r, *e, type, loc);
  if (canonicalize_type(type)) return resolve_builtin(r, type, loc);
  std::string shown = type.schema.empty() ? type.name : type.schema + "." + type.name;
  if (auto ext = extension_for_type(to_lower(type.name)); !ext.empty()) {
    if (has_extension(s, ext)) return true;
    r.error(loc, fmt::format("unknown type \"{}\"", shown),
            fmt::format("it comes from an extension: add \"extension {}\"", ext));
    return false;
  }
  std::string suggestion = did_you_mean(type.name, type_candidates(s));
  if (suggestion.empty() && has_unknown_extension(s)) return true;  // plausibly the extension's type
  if (suggestion.empty())
    suggestion = fmt::format("declare it with \"enum {} {{ ... }}\", or add the extension that provides it", shown);
  r.error(loc, fmt::format("unknown type \"{}\"", shown), suggestion);
  return false;
}

}  // namespace check_detail
}  // namespace schemac

#include "model/quote.hpp"

#include "model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <utility>

namespace schemac {

namespace {
// pg_get_keywords() where catcode <> 'U', union of PostgreSQL 15 and 17, sorted for binary search.
constexpr std::array kKeywords = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};

bool plain_identifier(std::string_view s) {
  if (s.empty() || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z'))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}
// Characters that end a line somewhere (psql ends a -- comment at \n and \r; editors and terminals at more),
// or reorder or hide the text around them.
bool unsafe_in_line(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x200E ||
         cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

std::string escape_code_point(char32_t cp) {
  switch (cp) {
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
  }
  return cp < 0x80 ? fmt::format("\\x{:02X}", static_cast<unsigned>(cp))
                   : fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
}

}  // namespace

std::string comment_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto [cp, len] = utf8_char(text.substr(i));
    if (len == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    char c = text[i], other = c == '/' ? '*' : '/';
    bool touches = (c == '/' || c == '*') &&
                   ((i > 0 && text[i - 1] == other) || (i + 1 < text.size() && text[i + 1] == other));
    if (c == '\\') out += "\\\\";
    else if (touches) out += {'\\', c};
    else if (unsafe_in_line(cp)) out += escape_code_point(cp);
    else out.append(text, i, len);
    i += len;
  }
  return out;
}

std::string quote_opclass(std::string_view opclass) {
  size_t dot = opclass.find('.');
  if (dot == std::string_view::npos) return quote_ident(opclass);
  return quote_ident(opclass.substr(0, dot)) + "." + quote_ident(opclass.substr(dot + 1));
}

bool is_operator_name(std::string_view op) {
  return !op.empty() &&
         op.find_first_not_of("+-*/<>=~!@#%^&|`?") == std::string_view::npos;
}

std::string quote_operator(std::string_view op) {
  size_t dot = op.rfind('.');
  std::string_view name = dot == std::string_view::npos ? op : op.substr(dot + 1);
  if (!is_operator_name(name)) throw std::invalid_argument("not an operator: " + std::string(op));
  if (dot == std::string_view::npos) return std::string(op);
  return "OPERATOR(" + quote_ident(op.substr(0, dot)) + "." + std::string(name) + ")";
}

bool is_sql_keyword(std::string_view word) {
  return std::binary_search(kKeywords.begin(), kKeywords.end(), word,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

std::string quote_ident(std::string_view name) {
  if (plain_identifier(name) && !is_sql_keyword(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string quote_qualified(std::string_view schema, std::string_view name, bool omit_public) {
  if (omit_public && schema == "public") return quote_ident(name);
  return quote_ident(schema) + "." + quote_ident(name);
}

std::string quote_literal(std::string_view text) {
  bool backslash = text.find('\\') != std::string_view::npos;
  std::string out = backslash ? "E'" : "'";
  for (char c : text) {
    if (c == '\'' || (backslash && c == '\\')) out += c;
    out += c;
  }
  return out + '\'';
}

std::string quote_dollar(std::string_view body) {
  std::string tag = "$schemac$";
  // The body must not hold the tag, nor end in a prefix of it that the closing tag would complete.
  for (int n = 1; (std::string(body) + tag).find(tag) != body.size(); ++n) tag = fmt::format("$schemac{}$", n);
  return tag + std::string(body) + tag;
}

bool bare_storage_value(std::string_view v) {
  auto digit = [](unsigned char c) { return std::isdigit(c) != 0; };
  auto word_char = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '$'; };
  if (v.empty()) return false;
  if (std::isalpha(static_cast<unsigned char>(v[0])) || v[0] == '_')
    return std::all_of(v.begin(), v.end(), word_char);
  size_t dot = v.find('.');
  std::string_view whole = v.substr(0, dot), frac = dot == std::string_view::npos ? "0" : v.substr(dot + 1);
  return !whole.empty() && !frac.empty() && std::all_of(whole.begin(), whole.end(), digit) &&
         std::all_of(frac.begin(), frac.end(), digit);
}

}  // namespace schemac

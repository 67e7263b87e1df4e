#include "rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "model/quote.hpp"
#include "sql/render.hpp"
#include "model/text.hpp"
#include "model/types.hpp"

namespace schemac::test {

namespace {

// The text of a scalar built-in value, before quoting; empty when the type is not one it knows.
std::string scalar_text(const Type& t, int i) {
  const std::string& n = t.name;
  int v = i + 1;
  if (is_integer_type(t) || n == "numeric") return std::to_string(v);
  if (n == "real" || n == "double precision") return fmt::format("{}.5", v);
  if (n == "varchar" || n == "char" || n == "text")
    return t.mods.empty() || t.mods[0] >= 4 ? fmt::format("r{}", v) : std::string(1, static_cast<char>('a' + i));
  if (n == "bool") return i % 2 ? "true" : "false";
  if (n == "timestamptz") return fmt::format("2024-01-{:02} 12:00:00+00", v);
  if (n == "timestamp") return fmt::format("2024-01-{:02} 12:00:00", v);
  if (n == "date") return fmt::format("2024-01-{:02}", v);
  if (n == "time" || n == "timetz") return fmt::format("{:02}:30:00{}", v % 24, n == "timetz" ? "+00" : "");
  if (n == "interval") return fmt::format("{} hours", v);
  if (n == "uuid") return fmt::format("00000000-0000-4000-8000-{:012}", v);
  if (n == "json" || n == "jsonb") return fmt::format("{{\"row\": {}}}", v);
  if (n == "bytea") return fmt::format("\\x{:02x}", v);
  if (n == "inet") return fmt::format("10.0.0.{}", v);
  if (n == "cidr") return fmt::format("10.0.{}.0/24", v);
  if (n == "macaddr") return fmt::format("08:00:2b:01:02:{:02x}", v);
  if (n == "tsvector") return fmt::format("row{}", v);
  return {};
}

bool server_fills(const Column& c) {
  return c.identity != Identity::none || c.generated_expr || is_serial(c.type);
}

}  // namespace

std::optional<std::string> row_value_sql(const Schema& s, const Type& t, int i, const Schema* keep) {
  Type element = t;
  element.array_dims = 0;
  std::optional<std::string> one;
  if (const Enum* e = t.schema.empty() ? nullptr : s.find_enum(t.schema, t.name)) {
    const Enum* kept = keep ? keep->find_enum(t.schema, t.name) : nullptr;
    for (auto& label : e->values)
      if (!kept || std::find(kept->values.begin(), kept->values.end(), label) != kept->values.end()) {
        one = quote_literal(label) + "::" + sql_type(element);
        break;
      }
  } else if (std::string text = t.schema.empty() ? scalar_text(element, i) : ""; !text.empty()) {
    one = quote_literal(text) + "::" + sql_type(element);
  }
  if (!one || t.array_dims == 0) return one;
  return "ARRAY[" + *one + "]::" + sql_type(t);
}

std::string insert_rows_sql(const Schema& s, int rows, const Schema* keep) {
  std::string out = "SET session_replication_role = replica;\n";
  for (auto& t : s.tables) {
    std::vector<std::string> names;
    for (auto& c : t.columns)
      if (!server_fills(c)) names.push_back(quote_ident(c.name));
    for (int i = 0; i < rows; ++i) {
      std::vector<std::string> values;
      for (auto& c : t.columns) {
        if (server_fills(c)) continue;
        auto v = row_value_sql(s, c.type, i, keep);
        if (!v) throw std::runtime_error("no generated value for type " + sql_type(c.type) + " of " + c.name);
        values.push_back(*v);
      }
      out += names.empty() ? fmt::format("INSERT INTO {} DEFAULT VALUES;\n", table_ref(t))
                           : fmt::format("INSERT INTO {} ({}) VALUES ({});\n", table_ref(t), join(names), join(values));
    }
  }
  return out + "RESET session_replication_role;\n";
}

}  // namespace schemac::test

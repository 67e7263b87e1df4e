// Prints the generated descriptor of every table it knows, and a decimal through the runtime library: that it
// compiles shows the include paths schemac_generate sets, that it links shows schemac::runtime (and libpq).
#include <cstdio>
#include <string>

#include "schemac/decimal.hpp"
#include "widgets.hpp"

int main() {
  const gen::TableInfo& t = gen::widgets::table;
  std::printf("%.*s.%.*s:", static_cast<int>(t.schema.size()), t.schema.data(), static_cast<int>(t.name.size()),
              t.name.data());
  for (const gen::ColumnInfo& c : t.columns)
    std::printf(" %.*s %.*s", static_cast<int>(c.name.size()), c.name.data(), static_cast<int>(c.sql_type.size()),
                c.sql_type.data());
  // The typed insert, taken by address so it is compiled and linked without a server to call.
  [[maybe_unused]] auto* volatile insert = &gen::widgets::insert;
  std::printf("\nprice %s\n", schemac::db::Decimal::parse("12.3400").to_string().c_str());
  return 0;
}

#include "model/timescale.hpp"

#include "model/quote.hpp"

namespace schemac {

std::string_view edition_name(Edition e) {
  switch (e) {
    case Edition::apache: return "apache";
    case Edition::timescale: return "timescale";
    case Edition::unknown: break;
  }
  return "";
}

namespace {
constexpr Edition kEditions[] = {Edition::apache, Edition::timescale};
}  // namespace

std::vector<std::string> edition_names() {
  std::vector<std::string> out;
  for (Edition e : kEditions) out.emplace_back(edition_name(e));
  return out;
}

std::optional<Edition> edition_from_name(std::string_view name) {
  for (Edition e : kEditions)
    if (name == edition_name(e)) return e;
  return std::nullopt;
}

Span default_chunk_interval() {
  Span s;
  s.days = 7;
  return s;
}

std::string integer_now_ref(const Hypertable& h) {
  return h.integer_now.empty() ? "" : quote_qualified(h.integer_now_schema, h.integer_now);
}

}  // namespace schemac

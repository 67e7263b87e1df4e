#pragma once
// The units of a time span and the two ways it is written: as SQL interval text and in the DSL.

#include <optional>
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace schemac {

struct SpanUnit {
  std::string_view name;  // singular; the plural adds "s"
  int64_t months, days, micros;
};
// The unit a word names ("minute", "minutes"), or nullptr.
const SpanUnit* find_span_unit(std::string_view word);
// "microseconds, milliseconds, ..., months or years", for the hint of an unknown unit.
std::string span_unit_list();

// PostgreSQL interval text in mixed units: "1 year 2 days 3 hours"; integers bare; "0 seconds" when empty.
std::string span_text(const Span& s);
// The DSL's text: the largest unit that states it exactly ("30 minutes", "1 month 15 days"); integers bare.
std::string dsl_span(const Span& s);

}  // namespace schemac

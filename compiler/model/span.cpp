#include "model/span.hpp"

#include <array>
#include <vector>

#include <fmt/format.h>

#include "model/text.hpp"

namespace schemac {
namespace {

constexpr int64_t kDayMicros = 86'400'000'000LL;

constexpr std::array kUnits{
    SpanUnit{"microsecond", 0, 0, 1},        SpanUnit{"millisecond", 0, 0, 1'000},
    SpanUnit{"second", 0, 0, 1'000'000},     SpanUnit{"minute", 0, 0, 60'000'000},
    SpanUnit{"hour", 0, 0, 3'600'000'000LL}, SpanUnit{"day", 0, 1, 0},
    SpanUnit{"week", 0, 7, 0},               SpanUnit{"month", 1, 0, 0},
    SpanUnit{"year", 12, 0, 0},
};

const SpanUnit& unit(std::string_view name) { return *find_span_unit(name); }

std::string plural(int64_t n, std::string_view unit) {
  return fmt::format("{} {}{}", n, unit, n == 1 || n == -1 ? "" : "s");
}

// Units of a day or less, largest first: what a number of microseconds is written in.
constexpr std::array<std::string_view, 5> kTimeUnits{"hour", "minute", "second", "millisecond", "microsecond"};

}  // namespace

const SpanUnit* find_span_unit(std::string_view word) {
  for (auto& u : kUnits)
    if (word == u.name || (word.size() == u.name.size() + 1 && word.starts_with(u.name) && word.back() == 's'))
      return &u;
  return nullptr;
}

std::string span_unit_list() {
  std::vector<std::string> names;
  for (auto& u : kUnits) names.push_back(std::string(u.name) + "s");
  std::string last = names.back();
  names.pop_back();
  return join(names, ", ") + " or " + last;
}

std::string span_text(const Span& s) {
  if (s.is_integer) return std::to_string(s.integer);
  std::vector<std::string> parts;
  if (s.months % 12 == 0 && s.months != 0) parts.push_back(plural(s.months / 12, "year"));
  else if (s.months != 0) parts.push_back(plural(s.months, "month"));
  if (s.days != 0) parts.push_back(plural(s.days, "day"));
  int64_t us = s.micros;
  for (std::string_view name : kTimeUnits) {
    int64_t size = unit(name).micros;
    if (us / size != 0) parts.push_back(plural(us / size, name));
    us %= size;
  }
  return parts.empty() ? "0 seconds" : join(parts, " ");
}

std::string dsl_span(const Span& s) {
  if (s.is_integer) return std::to_string(s.integer);
  std::vector<std::string> parts;
  if (s.months != 0) parts.push_back(s.months % 12 == 0 ? plural(s.months / 12, "year") : plural(s.months, "month"));
  int64_t micros = s.days * kDayMicros + s.micros;
  if (micros != 0 || parts.empty()) {
    std::string text = plural(micros, "microsecond");
    if (micros % kDayMicros == 0) text = plural(micros / kDayMicros, "day");
    else
      for (std::string_view name : kTimeUnits)
        if (micros % unit(name).micros == 0) {
          text = plural(micros / unit(name).micros, name);
          break;
        }
    parts.push_back(text);
  }
  return join(parts, " ");
}

}  // namespace schemac

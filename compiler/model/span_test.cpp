#include "model/span.hpp"

#include <doctest/doctest.h>

using namespace schemac;

namespace {

Span span(int64_t months, int64_t days, int64_t micros) {
  Span s;
  s.months = months;
  s.days = days;
  s.micros = micros;
  return s;
}
Span minutes(int64_t n) { return span(0, 0, n * 60'000'000LL); }
Span days(int64_t n) { return span(0, n, 0); }
Span integer_span(int64_t n) {
  Span s;
  s.is_integer = true;
  s.integer = n;
  return s;
}

}  // namespace

TEST_CASE("span: the DSL writes the largest exact unit") {
  CHECK(dsl_span(minutes(30)) == "30 minutes");
  CHECK(dsl_span(minutes(60)) == "1 hour");
  CHECK(dsl_span(minutes(360)) == "6 hours");
  CHECK(dsl_span(minutes(90)) == "90 minutes");
  CHECK(dsl_span(days(7)) == "7 days");
  CHECK(dsl_span(days(14)) == "14 days");
  CHECK(dsl_span(span(0, 0, 7 * 86'400'000'000LL)) == "7 days");  // chunk intervals come back as micros
  CHECK(dsl_span(span(0, 1, 6 * 3'600'000'000LL)) == "30 hours");
  CHECK(dsl_span(span(1, 0, 0)) == "1 month");
  CHECK(dsl_span(span(3, 0, 0)) == "3 months");
  CHECK(dsl_span(span(12, 0, 0)) == "1 year");
  CHECK(dsl_span(span(1, 15, 0)) == "1 month 15 days");
  CHECK(dsl_span(span(0, 0, 1'500'000)) == "1500 milliseconds");
  CHECK(dsl_span(span(0, 0, 1'000'000)) == "1 second");
  CHECK(dsl_span(span(0, 0, 7)) == "7 microseconds");
  CHECK(dsl_span(Span{}) == "0 days");
  CHECK(dsl_span(integer_span(100000)) == "100000");
}

TEST_CASE("span: SQL interval text in mixed units") {
  CHECK(span_text(days(7)) == "7 days");
  CHECK(span_text(span(14, 1, 3'600'000'001LL)) == "14 months 1 day 1 hour 1 microsecond");
  CHECK(span_text(span(24, 0, 90 * 60'000'000LL)) == "2 years 1 hour 30 minutes");
  CHECK(span_text(Span{}) == "0 seconds");
  CHECK(span_text(integer_span(5)) == "5");
}

TEST_CASE("span: units by singular and plural name") {
  REQUIRE(find_span_unit("minutes") != nullptr);
  CHECK(find_span_unit("minutes")->micros == 60'000'000);
  CHECK(find_span_unit("week")->days == 7);
  CHECK(find_span_unit("years")->months == 12);
  CHECK(find_span_unit("minutess") == nullptr);
  CHECK(find_span_unit("fortnight") == nullptr);
  CHECK(span_unit_list() == "microseconds, milliseconds, seconds, minutes, hours, days, weeks, months or years");
}

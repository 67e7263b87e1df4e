#pragma once
// An exact decimal for PostgreSQL NUMERIC: any number of digits, the display scale the server keeps (so 1.50 stays
// 1.50), a sign, NaN and (PostgreSQL 14+) +/-Infinity. It is never stored as or passed through a double: text and
// the binary wire format convert digit for digit, and to_double() is the only way to a floating-point value.
//
//   auto price = schemac::db::Decimal::parse("64231.12345678");   // numeric(20,8)
//   price.to_string() == "64231.12345678"; price.scale() == 8;
//   Decimal::parse("1.5") == Decimal::parse("1.500")               // compares by value, as the server does
//
// Ordering follows PostgreSQL: -Infinity < every finite value < +Infinity < NaN, and NaN equals NaN.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "schemac/wire.hpp"

namespace schemac::db {

class Decimal {
 public:
  enum class Kind : uint8_t { finite, nan, pos_infinity, neg_infinity };

  Decimal() = default;  // 0
  explicit Decimal(int64_t v);

  // The server's input syntax: [+-]digits[.digits][e[+-]exp], NaN, [+-]Infinity / inf (any case), surrounding
  // spaces allowed. Throws std::invalid_argument naming the text when it is not one; nullopt from try_parse.
  static Decimal parse(std::string_view text);
  static std::optional<Decimal> try_parse(std::string_view text);
  static Decimal nan();
  static Decimal infinity(bool negative = false);

  // The server's output form: "-123.4500", "0.001", "NaN", "Infinity", "-Infinity".
  std::string to_string() const;
  // The nearest double (correctly rounded from the exact digits): lossy, so it is only done when asked.
  double to_double() const;

  Kind kind() const { return kind_; }
  bool is_nan() const { return kind_ == Kind::nan; }
  bool is_finite() const { return kind_ == Kind::finite; }
  bool is_negative() const { return kind_ == Kind::neg_infinity || (kind_ == Kind::finite && negative_); }
  bool is_zero() const { return kind_ == Kind::finite && digits_.empty(); }
  // Digits after the decimal point as displayed (PostgreSQL's dscale); 0 for the special values.
  int scale() const { return scale_; }
  // The value times 10^scale, as decimal digits without leading zeros; empty for zero and the special values.
  const std::string& unscaled_digits() const { return digits_; }

  // The binary wire format of numeric_send / numeric_recv: int16 ndigits, int16 weight, uint16 sign, int16 dscale,
  // then ndigits base-10000 digits, stripped of leading and trailing zero digits as the server stores them.
  void encode(Buffer& out) const;
  // Throws CodecError on a malformed value. Digits beyond dscale are dropped, as numeric_recv does.
  static Decimal decode(const char* data, int len);

  friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
  friend std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) { return compare(a, b) <=> 0; }

 private:
  static int compare(const Decimal& a, const Decimal& b);
  void encode_small(Buffer& out) const;
  Kind kind_ = Kind::finite;
  bool negative_ = false;  // never set for zero: the server has no negative zero
  int scale_ = 0;
  std::string digits_;
};

}  // namespace schemac::db

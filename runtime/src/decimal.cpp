// Decimal: digit strings in, digit strings out. Arithmetic is deliberately absent: the runtime's job is to carry the
// server's exact value to the program and back, and every conversion here is a rearrangement of digits.
#include "schemac/decimal.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace schemac::db {
namespace {

constexpr uint16_t kPos = 0x0000, kNeg = 0x4000, kNaN = 0xC000, kPosInf = 0xD000, kNegInf = 0xF000;
constexpr int kMaxDscale = 0x3FFF;  // dscale shares its 16 bits with the sign
constexpr int kInfinityDscale = 32;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}
void strip_leading_zeros(std::string& d) {
  const size_t first = d.find_first_not_of('0');
  d.erase(0, first == std::string::npos ? d.size() : first);
}

}  // namespace

Decimal::Decimal(int64_t v) {
  // Through the unsigned magnitude, so INT64_MIN has no overflow on negation.
  const uint64_t mag = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  if (mag != 0) digits_ = std::to_string(mag);
  negative_ = v < 0;
}

Decimal Decimal::nan() {
  Decimal d;
  d.kind_ = Kind::nan;
  return d;
}

Decimal Decimal::infinity(bool negative) {
  Decimal d;
  d.kind_ = negative ? Kind::neg_infinity : Kind::pos_infinity;
  return d;
}

std::optional<Decimal> Decimal::try_parse(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (iequals(text, "nan")) return nan();
  bool negative = false;
  std::string_view body = text;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (iequals(body, "infinity") || iequals(body, "inf")) return infinity(negative);

  Decimal d;
  size_t i = 0;
  bool any_digit = false, seen_point = false;
  long long scale = 0;
  for (; i < body.size(); ++i) {
    const char c = body[i];
    if (c >= '0' && c <= '9') {
      d.digits_.push_back(c);
      any_digit = true;
      if (seen_point) ++scale;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return std::nullopt;
  if (i < body.size()) {
    if (lower(body[i]) != 'e') return std::nullopt;
    ++i;
    bool exp_negative = false;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) exp_negative = body[i++] == '-';
    if (i == body.size()) return std::nullopt;
    long long exp = 0;
    for (; i < body.size(); ++i) {
      if (body[i] < '0' || body[i] > '9') return std::nullopt;
      exp = exp * 10 + (body[i] - '0');
      if (exp > 1'000'000) return std::nullopt;  // far beyond what NUMERIC holds either way
    }
    scale -= exp_negative ? -exp : exp;
  }
  // A positive exponent larger than the fraction turns into trailing zeros of the integer part.
  if (scale < 0) {
    d.digits_.append(static_cast<size_t>(-scale), '0');
    scale = 0;
  }
  if (scale > kMaxDscale) return std::nullopt;
  d.scale_ = static_cast<int>(scale);
  strip_leading_zeros(d.digits_);
  d.negative_ = negative && !d.digits_.empty();
  return d;
}

Decimal Decimal::parse(std::string_view text) {
  if (auto d = try_parse(text)) return *d;
  throw std::invalid_argument("invalid numeric value: \"" + std::string(text) + "\"");
}

std::string Decimal::to_string() const {
  switch (kind_) {
    case Kind::nan: return "NaN";
    case Kind::pos_infinity: return "Infinity";
    case Kind::neg_infinity: return "-Infinity";
    case Kind::finite: break;
  }
  std::string out;
  if (negative_) out.push_back('-');
  const size_t scale = static_cast<size_t>(scale_);
  if (digits_.size() <= scale) {
    out += '0';
    if (scale > 0) {
      out += '.';
      out.append(scale - digits_.size(), '0');
      out += digits_;
    }
  } else {
    out.append(digits_, 0, digits_.size() - scale);
    if (scale > 0) {
      out += '.';
      out.append(digits_, digits_.size() - scale, scale);
    }
  }
  return out;
}

double Decimal::to_double() const {
  switch (kind_) {
    case Kind::nan: return std::numeric_limits<double>::quiet_NaN();
    case Kind::pos_infinity: return std::numeric_limits<double>::infinity();
    case Kind::neg_infinity: return -std::numeric_limits<double>::infinity();
    case Kind::finite: break;
  }
  // from_chars, unlike strtod, ignores the locale's decimal point and rounds correctly.
  const std::string text = to_string();
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  (void)end;
  if (ec == std::errc::result_out_of_range) {
    // Too large or too small for a double: the exponent decides which.
    const long long magnitude = static_cast<long long>(digits_.size()) - scale_;
    const double limit = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return negative_ ? -limit : limit;
  }
  return v;
}

int Decimal::compare(const Decimal& a, const Decimal& b) {
  auto rank = [](Kind k) {
    switch (k) {
      case Kind::neg_infinity: return 0;
      case Kind::finite: return 1;
      case Kind::pos_infinity: return 2;
      case Kind::nan: return 3;
    }
    return 3;
  };
  if (a.kind_ != b.kind_) return rank(a.kind_) < rank(b.kind_) ? -1 : 1;
  if (a.kind_ != Kind::finite) return 0;
  const int sa = a.digits_.empty() ? 0 : (a.negative_ ? -1 : 1);
  const int sb = b.digits_.empty() ? 0 : (b.negative_ ? -1 : 1);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  // Same sign, both non-zero: the position of the leading digit first, then the digits (shorter padded with 0s).
  int magnitude = 0;
  const long long ea = static_cast<long long>(a.digits_.size()) - a.scale_;
  const long long eb = static_cast<long long>(b.digits_.size()) - b.scale_;
  if (ea != eb) {
    magnitude = ea < eb ? -1 : 1;
  } else {
    const size_t n = std::max(a.digits_.size(), b.digits_.size());
    for (size_t i = 0; i < n && magnitude == 0; ++i) {
      const char ca = i < a.digits_.size() ? a.digits_[i] : '0';
      const char cb = i < b.digits_.size() ? b.digits_[i] : '0';
      if (ca != cb) magnitude = ca < cb ? -1 : 1;
    }
  }
  return sa * magnitude;
}

// Up to 16 digits (prices, quantities: what COPY carries by the million), the digits are copied into a zeroed
// stack buffer padded so that the decimal point falls on a group boundary; each base-10000 group is then four
// digits read independently, with no branch on where the point falls.
void Decimal::encode_small(Buffer& out) const {
  const int size = static_cast<int>(digits_.size());
  const int int_len = size - scale_;
  const int pad_left = ((-int_len) % 4 + 4) % 4;
  char padded[24];
  std::memset(padded, '0', sizeof padded);
  std::memcpy(padded + pad_left, digits_.data(), digits_.size());
  const int n = (pad_left + size + 3) / 4;
  uint16_t groups[6];
  for (int g = 0; g < n; ++g) {
    const char* q = padded + 4 * g;
    groups[g] = static_cast<uint16_t>((q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0'));
  }
  int last = n;
  while (groups[last - 1] == 0) --last;  // trailing zero groups are stripped, as the server stores them
  // The first group holds the first digit, which is not 0; int_len + pad_left is a multiple of 4.
  const int weight = (int_len + pad_left) / 4 - 1;
  char* p = out.extend(8 + 2 * static_cast<size_t>(last));
  Buffer::store_u16(p, static_cast<uint16_t>(last));
  Buffer::store_u16(p + 2, static_cast<uint16_t>(weight));
  Buffer::store_u16(p + 4, negative_ ? kNeg : kPos);
  Buffer::store_u16(p + 6, static_cast<uint16_t>(scale_));
  for (int g = 0; g < last; ++g) Buffer::store_u16(p + 8 + 2 * g, groups[g]);
}

void Decimal::encode(Buffer& out) const {
  auto header = [&](int ndigits, int weight, uint16_t sign, int dscale) {
    char* p = out.extend(8);
    Buffer::store_u16(p, static_cast<uint16_t>(ndigits));
    Buffer::store_u16(p + 2, static_cast<uint16_t>(weight));
    Buffer::store_u16(p + 4, sign);
    Buffer::store_u16(p + 6, static_cast<uint16_t>(dscale));
  };
  switch (kind_) {
    case Kind::nan: return header(0, 0, kNaN, 0);
    // numeric_send writes dscale 32 for the infinities: it reads the display scale of a special value through the
    // short-header macro, which finds bit 0x1000 of the 0xD000/0xF000 flags there. numeric_recv ignores it; it is
    // mirrored so that the bytes are the server's exactly.
    case Kind::pos_infinity: return header(0, 0, kPosInf, kInfinityDscale);
    case Kind::neg_infinity: return header(0, 0, kNegInf, kInfinityDscale);
    case Kind::finite: break;
  }
  if (digits_.empty()) return header(0, 0, kPos, scale_);
  if (digits_.size() <= 16) return encode_small(out);
  // Digit i has power of ten int_len - 1 - i; group w (base 10,000) holds powers 4w .. 4w+3. The first group holds
  // the first digit, which is not zero; the last is the one holding the last non-zero digit (trailing zero groups
  // are stripped, as the server stores them). Read straight from digits_ into the buffer: binary COPY encodes
  // millions of these, so no temporary string.
  const char* d = digits_.data();
  const long long size = static_cast<long long>(digits_.size());
  const long long int_len = size - scale_;  // may be <= 0: 0.000005 has its first digit 5 places after the point
  const auto floor4 = [](long long p) { return p >= 0 ? p / 4 : -((-p + 3) / 4); };
  long long last_nonzero = size - 1;
  while (d[last_nonzero] == '0') --last_nonzero;  // stops at the first digit at the latest, which is not 0
  const long long weight = floor4(int_len - 1);
  const long long last_weight = floor4(int_len - 1 - last_nonzero);
  const long long ndigits = weight - last_weight + 1;
  if (ndigits > std::numeric_limits<int16_t>::max() || weight > std::numeric_limits<int16_t>::max() ||
      weight < std::numeric_limits<int16_t>::min())
    throw CodecError("numeric value out of the range of the binary format: " + to_string());
  header(static_cast<int>(ndigits), static_cast<int>(weight), negative_ ? kNeg : kPos, scale_);
  char* p = out.extend(static_cast<size_t>(ndigits) * 2);
  for (long long w = weight; w >= last_weight; --w, p += 2) {
    const long long first = int_len - 1 - (4 * w + 3);  // the index of the group's leading digit
    int g = 0;
    if (first >= 0 && first + 4 <= size) {
      g = (d[first] - '0') * 1000 + (d[first + 1] - '0') * 100 + (d[first + 2] - '0') * 10 + (d[first + 3] - '0');
    } else {  // the first or last group, which may reach past the digits: those places are zeros
      for (long long i = first; i < first + 4; ++i) g = g * 10 + (i >= 0 && i < size ? d[i] - '0' : 0);
    }
    Buffer::store_u16(p, static_cast<uint16_t>(g));
  }
}

Decimal Decimal::decode(const char* data, int len) {
  Reader r(data, len);
  const int ndigits = r.i16("numeric");
  const int weight = r.i16("numeric");
  const uint16_t sign = r.u16("numeric");
  const int dscale = r.u16("numeric");
  if (ndigits < 0) throw CodecError("numeric with a negative digit count");
  if (dscale > kMaxDscale) throw CodecError("numeric with an invalid display scale");
  if (sign == kNaN || sign == kPosInf || sign == kNegInf) {
    r.expect_end("numeric");
    return sign == kNaN ? nan() : infinity(sign == kNegInf);
  }
  if (sign != kPos && sign != kNeg) throw CodecError("numeric with an invalid sign");
  // The value times 10^dscale as digits: the integer part's groups, then exactly dscale fraction digits (those
  // beyond it are hidden and cut, as numeric_recv does; missing ones are zeros). Group i lands at a fixed place,
  // int_chars + 4 * (i - weight - 1), so the digits are written in place, on the stack when they fit (a result
  // row of numeric columns decodes every value, and most are short).
  const size_t int_chars = weight >= 0 ? (static_cast<size_t>(weight) + 1) * 4 : 0;
  const size_t total = int_chars + static_cast<size_t>(dscale);
  char local[64];
  std::string heap;
  char* digits = local;
  if (total > sizeof local) {
    heap.assign(total, '0');
    digits = heap.data();
  } else {
    std::memset(local, '0', total);
  }
  for (int i = 0; i < ndigits; ++i) {
    const int g = r.i16("numeric digit");
    if (g < 0 || g >= 10000) throw CodecError("numeric digit out of range");
    const size_t at = 4 * static_cast<size_t>(weight >= 0 ? i : i - weight - 1);
    const char four[4] = {static_cast<char>('0' + g / 1000), static_cast<char>('0' + g / 100 % 10),
                          static_cast<char>('0' + g / 10 % 10), static_cast<char>('0' + g % 10)};
    for (size_t k = 0; k < 4 && at + k < total; ++k) digits[at + k] = four[k];
  }
  r.expect_end("numeric");
  size_t first = 0;
  while (first < total && digits[first] == '0') ++first;
  Decimal d;
  d.digits_.assign(digits + first, total - first);
  d.scale_ = dscale;
  d.negative_ = sign == kNeg && !d.digits_.empty();
  return d;
}

}  // namespace schemac::db

#pragma once
// Binary encoders and decoders, one Codec<T> per C++ type, each writing exactly what the server's typsend writes
// and reading what its typrecv reads. NULL is not a value of any codec: it is a missing value in the framing (a
// parameter without bytes, length -1 in arrays and COPY), and std::optional<T> is how a program says it.
//
//   C++ type                        PostgreSQL            C++ type                       PostgreSQL
//   bool                            bool                  Decimal                        numeric
//   int16_t / int32_t / int64_t     smallint/int/bigint   Uuid                           uuid
//   float / double                  real / double prec.   Json / Jsonb                   json / jsonb
//   std::string, std::string_view   text, varchar, char   Inet                           inet, cidr
//   Bytes (vector<std::byte>)       bytea                 Timestamptz / Timestamp        timestamptz / timestamp
//   Date / Time / Interval          date / time / interval   uint32_t                       oid
//   std::vector<E>, Array<E>        1-D / N-D arrays of any of these; E = T or std::optional<T> for NULL elements
//   an enum class (EnumCodec)       an enum type: its label as text
//
// Each codec has: `oid` (the type a parameter is declared as; 0 lets the server infer it from the statement),
// `array_oid` (for an array of it), `accepts(oid)` (the result column types it may decode), `encode(v, buf)`
// (appends the value's bytes) and `decode(data, len)` (throws CodecError on a malformed value).
#include <postgres_ext.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "schemac/datetime.hpp"
#include "schemac/decimal.hpp"
#include "schemac/inet.hpp"
#include "schemac/uuid.hpp"
#include "schemac/wire.hpp"

namespace schemac::db {

// The built-in type OIDs (pg_type.oid, fixed in every PostgreSQL since these types exist).
namespace oids {
inline constexpr Oid boolean = 16, bytea = 17, char_ = 18, name = 19, int8 = 20, int2 = 21, int4 = 23, text = 25, oid = 26,
                     json = 114, float4 = 700, float8 = 701, unknown = 705, cidr = 650, inet = 869, bpchar = 1042,
                     varchar = 1043, date = 1082, time = 1083, timestamp = 1114, timestamptz = 1184,
                     interval = 1186, numeric = 1700, uuid = 2950, jsonb = 3802;
inline constexpr Oid boolean_array = 1000, bytea_array = 1001, int2_array = 1005, int4_array = 1007,
                     text_array = 1009, oid_array = 1028, bpchar_array = 1014, varchar_array = 1015, int8_array = 1016,
                     float4_array = 1021, float8_array = 1022, inet_array = 1041, cidr_array = 651,
                     date_array = 1182, time_array = 1183, timestamp_array = 1115, timestamptz_array = 1185,
                     interval_array = 1187, numeric_array = 1231, uuid_array = 2951, json_array = 199,
                     jsonb_array = 3807;
// Types created by users (enums, domains, extensions' types such as citext) get OIDs from here on.
inline constexpr Oid first_user_oid = 16384;
}  // namespace oids

using Bytes = std::vector<std::byte>;

// json and jsonb travel as their text; they are distinct types so that a parameter is declared as what it is.
struct Json {
  std::string text;
  friend bool operator==(const Json&, const Json&) = default;
};
struct Jsonb {
  std::string text;  // what the server prints: it normalises jsonb, so it may differ from what was sent
  friend bool operator==(const Jsonb&, const Jsonb&) = default;
};

// An N-dimensional array: `dims` sizes (outermost first), `lower_bounds` (empty: all 1, the default), and the
// elements in row-major order (the last subscript varies fastest), as array_send lays them out.
template <class E>
struct Array {
  std::vector<int32_t> dims;
  std::vector<int32_t> lower_bounds;
  std::vector<E> elements;
  friend bool operator==(const Array&, const Array&) = default;
};

template <class T>
struct Codec;  // undefined for types with no mapping: using one is a compile error naming it

// One OID pair per codec, and decoding only from exactly that type.
template <Oid Scalar, Oid ArrayOid>
struct FixedOid {
  static constexpr Oid oid = Scalar;
  static constexpr Oid array_oid = ArrayOid;
  static constexpr bool accepts(Oid o) { return o == Scalar; }
};

namespace detail {
template <class T>
T decode_fixed(const char* data, int len, const char* what, T (Reader::*read)(const char*)) {
  Reader r(data, len);
  const T v = (r.*read)(what);
  r.expect_end(what);
  return v;
}
}  // namespace detail

template <>
struct Codec<bool> : FixedOid<oids::boolean, oids::boolean_array> {
  static void encode(bool v, Buffer& b) { b.put_u8(v ? 1 : 0); }
  // boolrecv reads any non-zero byte as true.
  static bool decode(const char* d, int n) { return detail::decode_fixed(d, n, "bool", &Reader::u8) != 0; }
};
template <>
struct Codec<int16_t> : FixedOid<oids::int2, oids::int2_array> {
  static void encode(int16_t v, Buffer& b) { b.put_i16(v); }
  static int16_t decode(const char* d, int n) { return detail::decode_fixed(d, n, "smallint", &Reader::i16); }
};
template <>
struct Codec<int32_t> : FixedOid<oids::int4, oids::int4_array> {
  static void encode(int32_t v, Buffer& b) { b.put_i32(v); }
  static int32_t decode(const char* d, int n) { return detail::decode_fixed(d, n, "integer", &Reader::i32); }
};
template <>
struct Codec<int64_t> : FixedOid<oids::int8, oids::int8_array> {
  static void encode(int64_t v, Buffer& b) { b.put_i64(v); }
  static int64_t decode(const char* d, int n) { return detail::decode_fixed(d, n, "bigint", &Reader::i64); }
};
// oid (and regtype etc. read as oid): an unsigned 32-bit number.
template <>
struct Codec<uint32_t> : FixedOid<oids::oid, oids::oid_array> {
  static void encode(uint32_t v, Buffer& b) { b.put_u32(v); }
  static uint32_t decode(const char* d, int n) { return detail::decode_fixed(d, n, "oid", &Reader::u32); }
};
// IEEE 754 bit patterns (float4send/float8send), moved between float and integer with bit_cast, not a union.
template <>
struct Codec<float> : FixedOid<oids::float4, oids::float4_array> {
  static void encode(float v, Buffer& b) { b.put_u32(std::bit_cast<uint32_t>(v)); }
  static float decode(const char* d, int n) {
    return std::bit_cast<float>(detail::decode_fixed(d, n, "real", &Reader::u32));
  }
};
template <>
struct Codec<double> : FixedOid<oids::float8, oids::float8_array> {
  static void encode(double v, Buffer& b) { b.put_u64(std::bit_cast<uint64_t>(v)); }
  static double decode(const char* d, int n) {
    return std::bit_cast<double>(detail::decode_fixed(d, n, "double precision", &Reader::u64));
  }
};

// Text in the connection's client encoding (the runtime's Connection sets UTF8). The character types all send
// their bytes as they are; user-defined types (an enum, citext) are accepted too, since text is the binary form
// of enums and of most text-like extension types.
struct TextOid {
  static constexpr Oid oid = oids::text;
  static constexpr Oid array_oid = oids::text_array;
  static constexpr bool accepts(Oid o) {
    return o == oids::text || o == oids::varchar || o == oids::bpchar || o == oids::name || o == oids::char_ ||
           o == oids::unknown || o >= oids::first_user_oid;
  }
};
template <>
struct Codec<std::string> : TextOid {
  static void encode(const std::string& v, Buffer& b) { b.append(v); }
  static std::string decode(const char* d, int n) { return std::string(d, static_cast<size_t>(n)); }
};
// A view into the result's memory: valid while the Result it came from lives.
template <>
struct Codec<std::string_view> : TextOid {
  static void encode(std::string_view v, Buffer& b) { b.append(v); }
  static std::string_view decode(const char* d, int n) { return std::string_view(d, static_cast<size_t>(n)); }
};

template <>
struct Codec<Bytes> : FixedOid<oids::bytea, oids::bytea_array> {
  static void encode(const Bytes& v, Buffer& b) { b.append(v.data(), v.size()); }
  static Bytes decode(const char* d, int n);
};
template <>
struct Codec<Json> : FixedOid<oids::json, oids::json_array> {
  static void encode(const Json& v, Buffer& b) { b.append(v.text); }
  static Json decode(const char* d, int n) { return Json{std::string(d, static_cast<size_t>(n))}; }
};
// jsonb_send prefixes its text with a format version, 1 in every release so far; jsonb_recv refuses others.
template <>
struct Codec<Jsonb> : FixedOid<oids::jsonb, oids::jsonb_array> {
  static void encode(const Jsonb& v, Buffer& b) {
    b.put_u8(1);
    b.append(v.text);
  }
  static Jsonb decode(const char* d, int n);
};
template <>
struct Codec<Decimal> : FixedOid<oids::numeric, oids::numeric_array> {
  static void encode(const Decimal& v, Buffer& b) { v.encode(b); }
  static Decimal decode(const char* d, int n) { return Decimal::decode(d, n); }
};
template <>
struct Codec<Uuid> : FixedOid<oids::uuid, oids::uuid_array> {
  static void encode(const Uuid& v, Buffer& b) { b.append(v.bytes.data(), v.bytes.size()); }
  static Uuid decode(const char* d, int n);
};
// inet_send: family, bits, is_cidr, address length, address. A cidr column reads as Inet too (is_cidr set).
template <>
struct Codec<Inet> {
  static constexpr Oid oid = oids::inet;
  static constexpr Oid array_oid = oids::inet_array;
  static constexpr bool accepts(Oid o) { return o == oids::inet || o == oids::cidr; }
  static void encode(const Inet& v, Buffer& b);
  static Inet decode(const char* d, int n);
};
template <>
struct Codec<Timestamptz> : FixedOid<oids::timestamptz, oids::timestamptz_array> {
  static void encode(Timestamptz v, Buffer& b) { b.put_i64(to_pg_micros(v)); }
  static Timestamptz decode(const char* d, int n) {
    return timestamptz_from_pg(detail::decode_fixed(d, n, "timestamptz", &Reader::i64));
  }
};
template <>
struct Codec<Timestamp> : FixedOid<oids::timestamp, oids::timestamp_array> {
  static void encode(Timestamp v, Buffer& b) { b.put_i64(to_pg_micros(v)); }
  static Timestamp decode(const char* d, int n) {
    return timestamp_from_pg(detail::decode_fixed(d, n, "timestamp", &Reader::i64));
  }
};
template <>
struct Codec<Date> : FixedOid<oids::date, oids::date_array> {
  static void encode(Date v, Buffer& b) { b.put_i32(to_pg_days(v)); }
  static Date decode(const char* d, int n) { return date_from_pg(detail::decode_fixed(d, n, "date", &Reader::i32)); }
};
template <>
struct Codec<Time> : FixedOid<oids::time, oids::time_array> {
  static void encode(Time v, Buffer& b) { b.put_i64(static_cast<int64_t>(v.count())); }
  static Time decode(const char* d, int n) { return Time{detail::decode_fixed(d, n, "time", &Reader::i64)}; }
};
// interval_send: int64 microseconds, int32 days, int32 months.
template <>
struct Codec<Interval> : FixedOid<oids::interval, oids::interval_array> {
  static void encode(const Interval& v, Buffer& b) {
    b.put_i64(v.micros);
    b.put_i32(v.days);
    b.put_i32(v.months);
  }
  static Interval decode(const char* d, int n);
};

// An enum class as a PostgreSQL enum: its label as text (enum_send/enum_recv). Generated code specialises
//   template <> struct schemac::db::Codec<Side> : schemac::db::EnumCodec<Side> {};
// and provides, in Side's namespace, `std::string_view to_string(Side)` and `bool from_string(std::string_view,
// Side&)`. The enum's OID differs per database, so a parameter is declared 0 (the server infers it from the
// statement) and an array of labels goes as text[] (cast it in SQL: `$1::side[]`); COPY of an enum array needs
// the real OID (CopyWriter::array_field).
template <class E>
struct EnumCodec {
  static constexpr Oid oid = 0;
  static constexpr Oid array_oid = oids::text_array;
  static constexpr bool accepts(Oid o) { return o >= oids::first_user_oid || o == oids::text || o == oids::varchar; }
  static void encode(E v, Buffer& b) { b.append(std::string_view(to_string(v))); }
  static E decode(const char* d, int n) {
    E v{};
    if (!from_string(std::string_view(d, static_cast<size_t>(n)), v))
      throw CodecError("unknown enum label \"" + std::string(d, static_cast<size_t>(n)) + "\"");
    return v;
  }
};

// ----- NULL: std::optional<T> is T or NULL; any other type is never NULL.
template <class T>
struct Nullable {
  using value_type = T;
  static constexpr bool nullable = false;
  static bool is_null(const T&) { return false; }
  static const T& value(const T& v) { return v; }
};
template <class T>
struct Nullable<std::optional<T>> {
  using value_type = T;
  static constexpr bool nullable = true;
  static bool is_null(const std::optional<T>& v) { return !v.has_value(); }
  static const T& value(const std::optional<T>& v) { return *v; }
};

// String literals and char pointers are text: their codec is std::string_view's.
template <class T>
inline constexpr bool is_c_string_v =
    std::is_array_v<std::remove_cvref_t<T>> || std::is_same_v<std::decay_t<T>, const char*> ||
    std::is_same_v<std::decay_t<T>, char*>;

// The C++ type whose codec a parameter or field of type T uses: NULL-ness removed, C strings as string_view.
template <class T>
using codec_type_t = std::conditional_t<is_c_string_v<T>, std::string_view,
                                        typename Nullable<std::remove_cvref_t<T>>::value_type>;

// Appends a value's bytes (not NULL: the caller has checked).
template <class T>
void encode_value(const T& v, Buffer& b) {
  if constexpr (is_c_string_v<T>)
    Codec<std::string_view>::encode(std::string_view(v), b);
  else
    Codec<codec_type_t<T>>::encode(Nullable<T>::value(v), b);
}

template <class T>
bool is_null_value(const T& v) {
  if constexpr (is_c_string_v<T>)
    return false;
  else
    return Nullable<T>::is_null(v);
}

// Appends a length-prefixed value (array elements, COPY fields): int32 length then the bytes, or -1 for NULL.
template <class T>
void put_field(Buffer& b, const T& v) {
  if (is_null_value(v)) {
    b.put_i32(-1);
    return;
  }
  const size_t at = b.begin_length();
  encode_value(v, b);
  b.end_length(at);
}

// ----- Arrays (array_send / array_recv): int32 ndim, int32 has-nulls flag, element OID, per dimension int32 size
// and int32 lower bound, then each element length-prefixed. An empty array has no dimensions at all.
namespace detail {
inline constexpr int kMaxDims = 6;  // MAXDIM

template <class E>
Oid element_oid() {
  using V = typename Nullable<E>::value_type;
  // An element type the server infers (an enum) is sent as text, its binary form.
  return Codec<V>::oid != 0 ? Codec<V>::oid : oids::text;
}

template <class E>
void encode_array(const std::vector<int32_t>& dims, const std::vector<int32_t>& lower_bounds,
                  const std::vector<E>& elements, Oid elem_oid, Buffer& b) {
  if (dims.size() > static_cast<size_t>(kMaxDims)) throw CodecError("array with more than 6 dimensions");
  if (!lower_bounds.empty() && lower_bounds.size() != dims.size())
    throw CodecError("array lower bounds do not match its dimensions");
  size_t count = dims.empty() ? 0 : 1;
  for (int32_t d : dims) {
    if (d < 0) throw CodecError("array dimension below zero");
    count *= static_cast<size_t>(d);
  }
  if (count != elements.size()) throw CodecError("array dimensions do not match its number of elements");
  bool has_null = false;
  for (const E& e : elements) has_null = has_null || Nullable<E>::is_null(e);
  const bool empty = elements.empty();
  b.put_i32(empty ? 0 : static_cast<int32_t>(dims.size()));
  b.put_i32(has_null ? 1 : 0);
  b.put_u32(elem_oid);
  if (empty) return;
  for (size_t i = 0; i < dims.size(); ++i) {
    b.put_i32(dims[i]);
    b.put_i32(lower_bounds.empty() ? 1 : lower_bounds[i]);
  }
  for (const E& e : elements) put_field(b, e);
}

template <class E>
E decode_element(Reader& r) {
  using N = Nullable<E>;
  const int32_t len = r.i32("array element length");
  if (len == -1) {
    if constexpr (N::nullable)
      return E{};
    else
      throw CodecError("NULL element in an array read as non-optional elements (use std::optional)");
  }
  if (len < 0) throw CodecError("array element with a negative length");
  const std::string_view bytes = r.bytes(static_cast<size_t>(len), "array element");
  return E(Codec<typename N::value_type>::decode(bytes.data(), len));
}

template <class E>
void decode_array(const char* data, int len, std::vector<int32_t>& dims, std::vector<int32_t>& lower_bounds,
                  std::vector<E>& elements) {
  using V = typename Nullable<E>::value_type;
  Reader r(data, len);
  const int32_t ndim = r.i32("array");
  const int32_t flags = r.i32("array");
  const Oid elem = r.u32("array");
  if (ndim < 0 || ndim > kMaxDims) throw CodecError("array with an invalid number of dimensions");
  if (flags != 0 && flags != 1) throw CodecError("array with invalid flags");
  if (!Codec<V>::accepts(elem)) throw CodecError("array of element type " + std::to_string(elem) + " read as another type");
  size_t count = ndim == 0 ? 0 : 1;
  for (int32_t i = 0; i < ndim; ++i) {
    const int32_t d = r.i32("array dimension");
    lower_bounds.push_back(r.i32("array lower bound"));
    if (d < 0) throw CodecError("array dimension below zero");
    dims.push_back(d);
    count *= static_cast<size_t>(d);
    if (count > r.left()) throw CodecError("array with more elements than bytes");  // each takes 4 bytes at least
  }
  elements.reserve(count);
  for (size_t i = 0; i < count; ++i) elements.push_back(decode_element<E>(r));
  r.expect_end("array");
  // Lower bounds of 1 everywhere are the default, which an Array says with none.
  bool all_one = true;
  for (int32_t lb : lower_bounds) all_one = all_one && lb == 1;
  if (all_one) lower_bounds.clear();
}
}  // namespace detail

template <class E>
struct Codec<std::vector<E>> {
  using V = typename Nullable<E>::value_type;
  static constexpr Oid oid = Codec<V>::array_oid;
  static constexpr Oid array_oid = 0;  // arrays of arrays are N-D arrays: use Array<E>
  static constexpr bool accepts(Oid o) { return o == oid || (Codec<V>::oid == 0 && o >= oids::first_user_oid); }
  static void encode(const std::vector<E>& v, Buffer& b, Oid elem_oid = detail::element_oid<E>()) {
    static const std::vector<int32_t> no_bounds;
    detail::encode_array(std::vector<int32_t>{static_cast<int32_t>(v.size())}, no_bounds, v, elem_oid, b);
  }
  // A 1-D array (any lower bound) or an empty one; more dimensions need Array<E>.
  static std::vector<E> decode(const char* d, int n) {
    std::vector<int32_t> dims, lbs;
    std::vector<E> out;
    detail::decode_array(d, n, dims, lbs, out);
    if (dims.size() > 1) throw CodecError("a multi-dimensional array read as std::vector (use schemac::db::Array)");
    return out;
  }
};

template <class E>
struct Codec<Array<E>> {
  using V = typename Nullable<E>::value_type;
  static constexpr Oid oid = Codec<V>::array_oid;
  static constexpr Oid array_oid = 0;
  static constexpr bool accepts(Oid o) { return Codec<std::vector<E>>::accepts(o); }
  static void encode(const Array<E>& v, Buffer& b, Oid elem_oid = detail::element_oid<E>()) {
    detail::encode_array(v.dims, v.lower_bounds, v.elements, elem_oid, b);
  }
  static Array<E> decode(const char* d, int n) {
    Array<E> a;
    detail::decode_array(d, n, a.dims, a.lower_bounds, a.elements);
    return a;
  }
};

}  // namespace schemac::db

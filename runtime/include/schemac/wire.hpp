#pragma once
// Bytes in PostgreSQL's binary wire order (network order, big-endian), written and read with explicit shifts and
// memcpy only: no aliasing casts, no reliance on the host's byte order, no unaligned loads. Every codec, the
// parameter packer and the COPY writer build their bytes through Buffer; every decoder reads through Reader, which
// checks each read against the value's length so a short or corrupt value is an exception, never a read past it.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace schemac::db {

// A value the server sent (or a test wrote) that does not have the shape its type's binary format requires.
struct CodecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A growable byte string. Length-prefixed values (array elements, COPY fields) reserve their 4-byte length, encode,
// then patch it, so encoders never need to know their size in advance.
class Buffer {
 public:
  Buffer() = default;
  explicit Buffer(size_t reserve) { bytes_.reserve(reserve); }

  void append(const void* data, size_t n) { bytes_.append(static_cast<const char*>(data), n); }
  void append(std::string_view s) { bytes_.append(s.data(), s.size()); }
  void put_u8(uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void put_u16(uint16_t v) {
    const char b[2] = {static_cast<char>(v >> 8), static_cast<char>(v)};
    bytes_.append(b, 2);
  }
  void put_u32(uint32_t v) {
    const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
    bytes_.append(b, 4);
  }
  void put_u64(uint64_t v) {
    put_u32(static_cast<uint32_t>(v >> 32));
    put_u32(static_cast<uint32_t>(v));
  }
  // Signed values travel as their two's-complement bit pattern (C++20 defines the conversion).
  void put_i16(int16_t v) { put_u16(static_cast<uint16_t>(v)); }
  void put_i32(int32_t v) { put_u32(static_cast<uint32_t>(v)); }
  void put_i64(int64_t v) { put_u64(static_cast<uint64_t>(v)); }

  // Reserves a 4-byte length; returns where it is for patch_length.
  size_t begin_length() {
    size_t at = bytes_.size();
    put_u32(0);
    return at;
  }
  // Writes the number of bytes appended since begin_length(at) into its slot.
  void end_length(size_t at) {
    const uint32_t n = static_cast<uint32_t>(bytes_.size() - at - 4);
    bytes_[at] = static_cast<char>(n >> 24);
    bytes_[at + 1] = static_cast<char>(n >> 16);
    bytes_[at + 2] = static_cast<char>(n >> 8);
    bytes_[at + 3] = static_cast<char>(n);
  }

  const char* data() const { return bytes_.data(); }
  size_t size() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }
  void clear() { bytes_.clear(); }
  std::string_view view() const { return bytes_; }
  const std::string& str() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads one value's bytes front to back; every read is bounds-checked against the value's length.
class Reader {
 public:
  Reader(const char* data, int len) : p_(data), left_(len < 0 ? 0 : static_cast<size_t>(len)) {}

  size_t left() const { return left_; }
  const char* here() const { return p_; }

  void need(size_t n, const char* what) const {
    if (left_ < n) throw CodecError(std::string("binary value too short for ") + what);
  }
  uint8_t u8(const char* what) {
    need(1, what);
    const uint8_t v = static_cast<uint8_t>(p_[0]);
    skip(1);
    return v;
  }
  uint16_t u16(const char* what) {
    need(2, what);
    const uint16_t v = static_cast<uint16_t>((byte(0) << 8) | byte(1));
    skip(2);
    return v;
  }
  uint32_t u32(const char* what) {
    need(4, what);
    const uint32_t v = (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
    skip(4);
    return v;
  }
  uint64_t u64(const char* what) {
    const uint64_t hi = u32(what);
    return (hi << 32) | u32(what);
  }
  int16_t i16(const char* what) { return static_cast<int16_t>(u16(what)); }
  int32_t i32(const char* what) { return static_cast<int32_t>(u32(what)); }
  int64_t i64(const char* what) { return static_cast<int64_t>(u64(what)); }
  std::string_view bytes(size_t n, const char* what) {
    need(n, what);
    std::string_view v(p_, n);
    skip(n);
    return v;
  }
  // A fixed-size value must use its whole length: trailing bytes mean the wrong type was read.
  void expect_end(const char* what) const {
    if (left_ != 0) throw CodecError(std::string("binary value too long for ") + what);
  }

 private:
  uint32_t byte(size_t i) const { return static_cast<uint8_t>(p_[i]); }
  void skip(size_t n) {
    p_ += n;
    left_ -= n;
  }
  const char* p_;
  size_t left_;
};

}  // namespace schemac::db

#pragma once
// Bytes in PostgreSQL's binary wire order (network order, big-endian), written and read with explicit shifts and
// memcpy only: no aliasing casts, no reliance on the host's byte order, no unaligned loads. Every codec, the
// parameter packer and the COPY writer build their bytes through Buffer; every decoder reads through Reader, which
// checks each read against the value's length so a short or corrupt value is an exception, never a read past it.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace schemac::db {

// A value the server sent (or a test wrote) that does not have the shape its type's binary format requires.
struct CodecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A growable byte string. Length-prefixed values (array elements, COPY fields) reserve their 4-byte length, encode,
// then patch it, so encoders never need to know their size in advance. Every put is an inline capacity check and
// a few stores (binary COPY makes tens of millions of them), hence its own storage rather than std::string, whose
// append is an out-of-line call per value.
class Buffer {
 public:
  Buffer() = default;
  explicit Buffer(size_t reserve) { grow(reserve); }
  Buffer(const Buffer& other) { append(other.data(), other.size()); }
  Buffer& operator=(const Buffer& other) {
    if (this != &other) {
      clear();
      append(other.data(), other.size());
    }
    return *this;
  }
  Buffer(Buffer&& other) noexcept
      : bytes_(std::move(other.bytes_)), size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  Buffer& operator=(Buffer&& other) noexcept {
    if (this != &other) {
      bytes_ = std::move(other.bytes_);
      size_ = std::exchange(other.size_, 0);
      capacity_ = std::exchange(other.capacity_, 0);
    }
    return *this;
  }

  // Appends `n` bytes for the caller to fill and returns where they start (valid until the next append).
  char* extend(size_t n) {
    if (capacity_ - size_ < n) grow(n);
    char* p = bytes_.get() + size_;
    size_ += n;
    return p;
  }
  void append(const void* data, size_t n) {
    if (n != 0) std::memcpy(extend(n), data, n);
  }
  void append(std::string_view s) { append(s.data(), s.size()); }
  void put_u8(uint8_t v) { *extend(1) = static_cast<char>(v); }
  void put_u16(uint16_t v) { store_u16(extend(2), v); }
  void put_u32(uint32_t v) { store_u32(extend(4), v); }
  void put_u64(uint64_t v) {
    char* p = extend(8);
    store_u32(p, static_cast<uint32_t>(v >> 32));
    store_u32(p + 4, static_cast<uint32_t>(v));
  }
  // Signed values travel as their two's-complement bit pattern (C++20 defines the conversion).
  void put_i16(int16_t v) { put_u16(static_cast<uint16_t>(v)); }
  void put_i32(int32_t v) { put_u32(static_cast<uint32_t>(v)); }
  void put_i64(int64_t v) { put_u64(static_cast<uint64_t>(v)); }

  // Reserves a 4-byte length; returns where it is for patch_length.
  size_t begin_length() {
    size_t at = size_;
    put_u32(0);
    return at;
  }
  // Writes the number of bytes appended since begin_length(at) into its slot.
  void end_length(size_t at) { store_u32(bytes_.get() + at, static_cast<uint32_t>(size_ - at - 4)); }

  // Never null, also when empty: libpq reads a null parameter value as SQL NULL.
  const char* data() const { return bytes_ ? bytes_.get() : ""; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() { size_ = 0; }
  std::string_view view() const { return std::string_view(data(), size_); }
  std::string str() const { return std::string(view()); }

  // Big-endian stores into memory the caller owns.
  static void store_u16(char* p, uint16_t v) {
    p[0] = static_cast<char>(v >> 8);
    p[1] = static_cast<char>(v);
  }
  static void store_u32(char* p, uint32_t v) {
    p[0] = static_cast<char>(v >> 24);
    p[1] = static_cast<char>(v >> 16);
    p[2] = static_cast<char>(v >> 8);
    p[3] = static_cast<char>(v);
  }

 private:
  // At least doubles, so appending byte by byte stays amortised constant time.
  void grow(size_t n) {
    size_t cap = capacity_ < 64 ? 64 : capacity_ * 2;
    if (cap < size_ + n) cap = size_ + n;
    std::unique_ptr<char[]> bigger(new char[cap]);
    if (size_ != 0) std::memcpy(bigger.get(), bytes_.get(), size_);
    bytes_ = std::move(bigger);
    capacity_ = cap;
  }

  std::unique_ptr<char[]> bytes_;
  size_t size_ = 0;
  size_t capacity_ = 0;
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

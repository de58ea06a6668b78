// The byte format of the store's binary columns: unsigned LEB128 varints,
// zigzag for signed numbers, length-prefixed strings, raw little-endian
// doubles (so a number reads back bit for bit), and JSON values as a tagged
// tree (so ints stay ints and object member order is kept).
#ifndef FNF_STORE_CODEC_BYTE_CODEC_H_
#define FNF_STORE_CODEC_BYTE_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "json/json.h"

namespace fnf::internal {

class ByteWriter {
 public:
  void U(uint64_t v);
  void I(int64_t v) {
    U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void Str(std::string_view s);
  void F64(double d);
  void Value(const Json& j);
  const std::string& bytes() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote. A short or malformed input sets ok() to false
// and reads zeros from then on, so a decoder checks once at the end.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint64_t U();
  int64_t I() {
    uint64_t u = U();
    return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  }
  std::string Str();
  double F64();
  Json Value(int depth = 0);
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace fnf::internal

#endif  // FNF_STORE_CODEC_BYTE_CODEC_H_

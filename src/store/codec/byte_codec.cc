#include "store/codec/byte_codec.h"

#include <cstring>

namespace fnf::internal {
namespace {

// Deeper than any document the engine accepts (its parser bounds nesting), so
// that a damaged blob cannot recurse without end.
constexpr int kMaxDepth = 1024;

}  // namespace

void ByteWriter::U(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void ByteWriter::Str(std::string_view s) {
  U(s.size());
  out_.append(s);
}

void ByteWriter::F64(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  for (int i = 0; i < 8; ++i)
    out_.push_back(static_cast<char>(bits >> (8 * i)));
}

void ByteWriter::Value(const Json& j) {
  out_.push_back(static_cast<char>(j.type()));
  switch (j.type()) {
    case Json::Type::kNull:
      break;
    case Json::Type::kBool:
      U(j.as_bool() ? 1 : 0);
      break;
    case Json::Type::kInt:
      I(j.as_int());
      break;
    case Json::Type::kDouble:
      F64(j.as_double());
      break;
    case Json::Type::kString:
      Str(j.as_string());
      break;
    case Json::Type::kArray:
      U(j.as_array().size());
      for (const Json& item : j.as_array()) Value(item);
      break;
    case Json::Type::kObject:
      U(j.as_object().size());
      for (const auto& [key, value] : j.as_object()) {
        Str(key);
        Value(value);
      }
      break;
  }
}

uint64_t ByteReader::U() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ >= in_.size()) break;
    auto byte = static_cast<uint8_t>(in_[pos_++]);
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return v;
  }
  ok_ = false;
  return 0;
}

std::string ByteReader::Str() {
  uint64_t n = U();
  if (!ok_ || n > in_.size() - pos_) {
    ok_ = false;
    return "";
  }
  std::string s(in_.substr(pos_, n));
  pos_ += n;
  return s;
}

double ByteReader::F64() {
  if (in_.size() - pos_ < 8) {
    ok_ = false;
    return 0;
  }
  uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) {
    bits |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_ + i]))
            << (8 * i);
  }
  pos_ += 8;
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

Json ByteReader::Value(int depth) {
  if (!ok_ || pos_ >= in_.size() || depth > kMaxDepth) {
    ok_ = false;
    return Json();
  }
  auto type = static_cast<Json::Type>(in_[pos_++]);
  switch (type) {
    case Json::Type::kNull:
      return Json();
    case Json::Type::kBool:
      return Json(U() != 0);
    case Json::Type::kInt:
      return Json(I());
    case Json::Type::kDouble:
      return Json(F64());
    case Json::Type::kString:
      return Json(Str());
    case Json::Type::kArray: {
      uint64_t n = U();
      Json::Array items;
      for (uint64_t i = 0; i < n && ok_; ++i) items.push_back(Value(depth + 1));
      return Json(std::move(items));
    }
    case Json::Type::kObject: {
      uint64_t n = U();
      Json::Object members;
      for (uint64_t i = 0; i < n && ok_; ++i) {
        std::string key = Str();
        members.emplace_back(std::move(key), Value(depth + 1));
      }
      return Json(std::move(members));
    }
  }
  ok_ = false;
  return Json();
}

}  // namespace fnf::internal

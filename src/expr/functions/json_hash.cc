#include "expr/functions/json_hash.h"

#include <functional>
#include <string_view>

namespace fnf::internal {
namespace {

size_t Mix(size_t seed, size_t h) {
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

size_t HashNumber(double d) {
  if (d == 0) d = 0;  // -0.0 equals 0.0
  return std::hash<double>()(d);
}

}  // namespace

size_t HashJson(const Json& value) {
  switch (value.type()) {
    case Json::Type::kNull:
      return 0x6e756c6c;
    case Json::Type::kBool:
      return value.as_bool() ? 0x74727565 : 0x66616c73;
    case Json::Type::kInt:
    case Json::Type::kDouble:
      // Equal numbers have equal double values whatever their representation.
      return HashNumber(value.as_number());
    case Json::Type::kString:
      return std::hash<std::string_view>()(value.as_string());
    case Json::Type::kArray: {
      size_t h = 0xa77a;
      for (const Json& e : value.as_array()) h = Mix(h, HashJson(e));
      return h;
    }
    case Json::Type::kObject: {
      // A sum does not depend on the order of the members.
      size_t h = 0x0b1ec7;
      for (const auto& [k, v] : value.as_object()) {
        h += Mix(std::hash<std::string_view>()(k), HashJson(v));
      }
      return h;
    }
  }
  return 0;
}

}  // namespace fnf::internal

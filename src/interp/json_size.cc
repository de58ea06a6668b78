#include "interp/json_size.h"

#include <string>

namespace fnf::internal {
namespace {

size_t StringSize(const std::string& s) {
  size_t n = 2;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' ||
        c == '\b' || c == '\f') {
      n += 2;
    } else if (c < 0x20) {
      n += 6;
    } else {
      n += 1;
    }
  }
  return n;
}

}  // namespace

size_t JsonTextSize(const Json& value) {
  switch (value.type()) {
    case Json::Type::kString:
      return StringSize(value.as_string());
    case Json::Type::kArray: {
      const Json::Array& a = value.as_array();
      size_t n = a.empty() ? 2 : 1 + a.size();  // brackets and commas
      for (const Json& v : a) n += JsonTextSize(v);
      return n;
    }
    case Json::Type::kObject: {
      const Json::Object& o = value.as_object();
      size_t n = o.empty() ? 2 : 1 + o.size();  // braces and commas
      for (const Json::Member& m : o)
        n += StringSize(m.first) + 1 + JsonTextSize(m.second);
      return n;
    }
    case Json::Type::kDouble:
    case Json::Type::kInt: {
      std::string s;
      value.AppendTo(&s);
      return s.size();
    }
    case Json::Type::kBool:
      return value.as_bool() ? 4 : 5;
    case Json::Type::kNull:
      return 4;
  }
  return 0;
}

}  // namespace fnf::internal

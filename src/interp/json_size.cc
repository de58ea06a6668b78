#include "interp/json_size.h"

#include <string>
#include <vector>

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

size_t JsonTextSize(const Json& root) {
  // An explicit stack: a value built up by a flow may be deeper than the
  // stack of the thread measuring it.
  size_t n = 0;
  std::vector<const Json*> pending{&root};
  while (!pending.empty()) {
    const Json& value = *pending.back();
    pending.pop_back();
    switch (value.type()) {
      case Json::Type::kString:
        n += StringSize(value.as_string());
        break;
      case Json::Type::kArray: {
        const Json::Array& a = value.as_array();
        n += a.empty() ? 2 : 1 + a.size();  // brackets and commas
        for (const Json& v : a) pending.push_back(&v);
        break;
      }
      case Json::Type::kObject: {
        const Json::Object& o = value.as_object();
        n += o.empty() ? 2 : 1 + o.size();  // braces and commas
        for (const Json::Member& m : o) {
          n += StringSize(m.first) + 1;
          pending.push_back(&m.second);
        }
        break;
      }
      case Json::Type::kDouble:
      case Json::Type::kInt: {
        std::string s;
        value.AppendTo(&s);
        n += s.size();
        break;
      }
      case Json::Type::kBool:
        n += value.as_bool() ? 4 : 5;
        break;
      case Json::Type::kNull:
        n += 4;
        break;
    }
  }
  return n;
}

}  // namespace fnf::internal

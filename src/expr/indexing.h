// Member and element lookup shared by paths (`a.b`, `a[i]`, `a["k"]`) and the
// `get` built-in, so both follow the same missing-data rule
// (docs/behaviour.md): what does not resolve is null.
#ifndef FNF_EXPR_INDEXING_H_
#define FNF_EXPR_INDEXING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "json/json.h"

namespace fnf::internal {

// The member `name` of an object; nullptr when absent or when `container` is
// not an object.
inline const Json* LookupMember(const Json& container, std::string_view name) {
  return container.Find(name);
}

// Element `index` of an array; nullptr when out of range (negative included) or
// when `container` is not an array.
inline const Json* LookupElement(const Json& container, int64_t index) {
  if (!container.is_array() || index < 0) return nullptr;
  const Json::Array& a = container.as_array();
  return static_cast<uint64_t>(index) < a.size()
             ? &a[static_cast<size_t>(index)]
             : nullptr;
}

// `container[key]`: a string key reads an object member, an integer (or a
// double with an integral value) an array element; a mismatch reads nothing
// (nullptr). Keys of other types are an error: false with `*error` set.
bool LookupDynamic(const Json& container, const Json& key, const Json** result,
                   std::string* error);

}  // namespace fnf::internal

#endif  // FNF_EXPR_INDEXING_H_

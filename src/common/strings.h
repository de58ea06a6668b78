// StrCat/StrAppend that take std::string_view. Debian's Abseil has its own
// absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW 0), which absl::StrCat
// accepts but std::string_view is not converted to it; these wrappers convert,
// so the rest of the code can use std::string_view.
#ifndef FNF_COMMON_STRINGS_H_
#define FNF_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/str_cat.h"

namespace fnf::internal {
namespace strings_internal {

template <typename T>
decltype(auto) Conv(const T& v) {
  if constexpr (std::is_same_v<T, std::string_view>) {
    return absl::string_view(v.data(), v.size());
  } else {
    return (v);
  }
}

}  // namespace strings_internal

template <typename... Args>
std::string StrCat(const Args&... args) {
  return absl::StrCat(strings_internal::Conv(args)...);
}

template <typename... Args>
void StrAppend(std::string* out, const Args&... args) {
  absl::StrAppend(out, strings_internal::Conv(args)...);
}

}  // namespace fnf::internal

#endif  // FNF_COMMON_STRINGS_H_

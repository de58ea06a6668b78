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

// `text` as messages quote it: whole when at most `max` bytes, else its first
// `max` bytes (not splitting a UTF-8 character) and "... (N bytes)", so an
// error about a huge value stays readable.
inline std::string Excerpt(std::string_view text, size_t max = 64) {
  if (text.size() <= max) return std::string(text);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return StrCat(text.substr(0, cut), "... (", text.size(), " bytes)");
}

}  // namespace fnf::internal

#endif  // FNF_COMMON_STRINGS_H_

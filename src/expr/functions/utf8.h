// Minimal UTF-8 helpers for the string built-ins; input text is assumed to be
// UTF-8 (it comes from JSON), and lone bytes of malformed text count as one
// character each.
#ifndef FNF_EXPR_FUNCTIONS_UTF8_H_
#define FNF_EXPR_FUNCTIONS_UTF8_H_

#include <cstddef>
#include <string_view>

namespace fnf::internal {

// Number of Unicode code points.
size_t CountCodePoints(std::string_view s);

// Byte length of the character starting at s[0]. REQUIRES: !s.empty().
size_t CharLength(std::string_view s);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values above
// U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace fnf::internal

#endif  // FNF_EXPR_FUNCTIONS_UTF8_H_

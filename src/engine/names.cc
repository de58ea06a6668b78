#include "engine/names.h"

#include "absl/strings/ascii.h"
#include "common/strings.h"

namespace fnf::internal {

std::string CheckResourceName(std::string_view what, std::string_view name) {
  if (name.empty()) return StrCat(what, " must not be empty");
  if (name.size() > 128) {
    return StrCat(what, " is ", name.size(),
                  " characters long; it must be 1 to 128 characters");
  }
  const unsigned char first = static_cast<unsigned char>(name[0]);
  if (!absl::ascii_isalpha(first) && first != '_') {
    return StrCat(what, " '", name,
                  "' is invalid: it must start with a letter or '_'");
  }
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (!absl::ascii_isalnum(c) && c != '_' && c != '-') {
      std::string shown = c >= 0x20 && c < 0x7f
                              ? std::string(1, static_cast<char>(c))
                              : StrCat("\\x", absl::Hex(c));
      return StrCat(what, " '", name, "' is invalid: character '", shown,
                    "' at position ", i + 1,
                    " is not allowed (only letters, digits, '_' and '-')");
    }
  }
  return "";
}

}  // namespace fnf::internal

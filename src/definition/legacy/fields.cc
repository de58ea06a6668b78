// Small field helpers shared by the legacy step parsers.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "definition/legacy/parse_context.h"

namespace fnf::internal::legacy {

std::optional<double> NumberOrText(const Json& value) {
  if (value.is_number()) return value.as_number();
  if (!value.is_string() || value.as_string().empty()) return std::nullopt;
  const std::string& text = value.as_string();
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

}  // namespace fnf::internal::legacy

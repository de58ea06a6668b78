// Small field helpers shared by the legacy step parsers.
#include <string>

#include "definition/legacy/parse_context.h"
#include "json/number.h"

namespace fnf::internal::legacy {

std::optional<double> NumberOrText(const Json& value) {
  if (value.is_number()) return value.as_number();
  if (!value.is_string() || value.as_string().empty()) return std::nullopt;
  return ParseDecimal(value.as_string());
}

}  // namespace fnf::internal::legacy

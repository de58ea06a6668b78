#include "interp/legacy/payload.h"

#include <string>

#include "common/strings.h"
#include "interp/json_size.h"

namespace fnf::internal::legacy {

std::optional<FlowError> CheckPayload(std::string_view step_name,
                                      const Json* input, const Json* output,
                                      const Json* local, size_t limit_bytes) {
  size_t total = 0;
  for (const Json* v : {input, output, local}) {
    if (v != nullptr) total += JsonTextSize(*v);
  }
  if (total <= limit_bytes) return std::nullopt;
  return FlowError{
      std::string(kErrPayloadTooLarge),
      StrCat("step '", step_name, "': input, output and local are ", total,
             " bytes together, over the limit of ", limit_bytes)};
}

}  // namespace fnf::internal::legacy

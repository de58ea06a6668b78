// The legacy size limit (docs/legacy-fdl.md, docs/behaviour.md): a step's
// input, output and local together, as compact JSON text, must fit in
// Limits::legacy_payload_bytes (32 KiB by default).
#ifndef FNF_INTERP_LEGACY_PAYLOAD_H_
#define FNF_INTERP_LEGACY_PAYLOAD_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "common/flow_error.h"
#include "json/json.h"

namespace fnf::internal::legacy {

// The error FnF.PayloadTooLarge when the three values are over `limit_bytes`
// together, else nullopt. Pass null for a value not known yet (a step's
// input can be checked on its own before the step runs).
std::optional<FlowError> CheckPayload(std::string_view step_name,
                                      const Json* input, const Json* output,
                                      const Json* local, size_t limit_bytes);

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_PAYLOAD_H_

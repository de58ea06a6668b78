// When a legacy wait step ends (docs/legacy-fdl.md): its duration or
// timestamp, constant or read from the step input, checked against the
// longest wait.
#ifndef FNF_INTERP_LEGACY_WAIT_H_
#define FNF_INTERP_LEGACY_WAIT_H_

#include <cstdint>
#include <variant>

#include "fnf/clock.h"

#include "common/flow_error.h"
#include "definition/ir.h"
#include "json/json.h"

namespace fnf::internal::legacy {

// The time the wait is over: `now` + duration, or the timestamp (`now` when it
// is already past). A duration path must yield a whole number of seconds from
// 0 (number or number text), a timestamp path an RFC 3339 string; a wait
// longer than `max_seconds` (Limits::legacy_wait_max_seconds), or any other
// value, is the error FnF.RuntimeError. Expression errors are returned as
// they are.
std::variant<TimePoint, FlowError> WaitDeadline(const WaitSpec& wait,
                                                const Json& input,
                                                TimePoint now,
                                                int64_t max_seconds);

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_WAIT_H_

// The data of legacy task steps (docs/legacy-fdl.md): the serviceParams
// sent with the call, the `$local` made of the result, and the output of a
// failure that a catch handled.
#ifndef FNF_INTERP_LEGACY_TASK_DATA_H_
#define FNF_INTERP_LEGACY_TASK_DATA_H_

#include <variant>

#include "common/flow_error.h"
#include "definition/ir.h"
#include "interp/legacy/path_eval.h"
#include "json/json.h"

namespace fnf::internal::legacy {

// The serviceParams object, its paths (`$`, `$.key`, `$input...`,
// `$context...`) read from the step input; {} when the step has none.
Json ServiceParams(const State& step, const Json& input,
                   const ContextValues& context);

// A task's `$local` from the result of the call: an object is used as is; a
// JSON string holding an object's text is parsed (functions often return
// '{"a": 1}'); null or an empty string is {}. Anything else is the error
// FnF.TaskFailed, as for a new-spec task whose output is not an object.
std::variant<Json, FlowError> TaskLocal(Json result);

// The output of a task whose failure a catch handled: its errorMappings over
// the step input ($input) and {"error": code, "cause": detail} ($local);
// {} without errorMappings. It is merged into the parent local before
// the goto, like any output.
Json CaughtErrorOutput(const State& step, const Json& input,
                       const FlowError& error, const ContextValues& context);

}  // namespace fnf::internal::legacy

#endif  // FNF_INTERP_LEGACY_TASK_DATA_H_

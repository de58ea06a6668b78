// What the tool checks its task options against: the task states of a flow,
// in every scope, with the keys a handler can match them by.
#ifndef FNF_CLI_FLOW_STATES_H_
#define FNF_CLI_FLOW_STATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "definition/ir.h"

namespace fnf::cli {

struct TaskState {
  std::string name, resource_arn, action;
};

// Every task state of `flow` (Parallel branches, Map processors and legacy
// choice steps included), in definition order.
std::vector<TaskState> TaskStates(const internal::CompiledFlow& flow);

// The names of `states`, for "did you mean".
std::vector<std::string_view> TaskStateNames(
    const std::vector<TaskState>& states);

}  // namespace fnf::cli

#endif  // FNF_CLI_FLOW_STATES_H_

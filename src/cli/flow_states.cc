#include "cli/flow_states.h"

namespace fnf::cli {
namespace {

void Collect(const internal::Scope& scope, std::vector<TaskState>* out) {
  for (const internal::State& state : scope.states) {
    if (state.type == internal::StateType::kTask && state.task) {
      out->push_back(
          {state.name, state.task->resource_arn, state.task->action});
    }
    for (const auto& branch : state.branches) Collect(*branch, out);
    if (state.map && state.map->processor) Collect(*state.map->processor, out);
    for (const internal::ChoiceBranch& choice : state.choices) {
      if (choice.steps) Collect(*choice.steps, out);
    }
    if (state.default_steps) Collect(*state.default_steps, out);
  }
}

}  // namespace

std::vector<TaskState> TaskStates(const internal::CompiledFlow& flow) {
  std::vector<TaskState> states;
  Collect(flow.entry(), &states);
  return states;
}

std::vector<std::string_view> TaskStateNames(
    const std::vector<TaskState>& states) {
  std::vector<std::string_view> names;
  for (const TaskState& state : states) names.push_back(state.name);
  return names;
}

}  // namespace fnf::cli

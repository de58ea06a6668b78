#include "definition/ir.h"

namespace fnf::internal {

std::string_view StateTypeName(StateType t) {
  switch (t) {
    case StateType::kPass:
      return "Pass";
    case StateType::kTask:
      return "Task";
    case StateType::kWait:
      return "Wait";
    case StateType::kChoice:
      return "Choice";
    case StateType::kParallel:
      return "Parallel";
    case StateType::kMap:
      return "Map";
    case StateType::kSucceed:
      return "Succeed";
    case StateType::kFail:
      return "Fail";
  }
  return "";
}

void ForEachScope(const Scope& scope,
                  const std::function<void(const Scope&)>& fn) {
  fn(scope);
  for (const State& s : scope.states) {
    for (const auto& branch : s.branches) ForEachScope(*branch, fn);
    if (s.map && s.map->processor) ForEachScope(*s.map->processor, fn);
    if (s.default_steps) ForEachScope(*s.default_steps, fn);
    for (const ChoiceBranch& c : s.choices) {
      if (c.steps) ForEachScope(*c.steps, fn);
    }
  }
}

const Scope* FindScope(const CompiledFlow& flow, std::string_view path) {
  // A distributed Map's child flow (and its own children) point into the
  // flow that holds them all.
  const CompiledFlow* holder = &flow;
  while (holder->owner) holder = holder->owner.get();
  const Scope& top = holder->top;
  const Scope* found = nullptr;
  ForEachScope(top, [&](const Scope& s) {
    if (found == nullptr && s.path == path) found = &s;
  });
  return found;
}

}  // namespace fnf::internal

#include "console/run_marks.h"

#include <map>
#include <string>
#include <vector>

namespace fnf::console {
namespace {

bool IsOneOf(const std::string& type, std::initializer_list<const char*> set) {
  for (const char* t : set) {
    if (type == t) return true;
  }
  return false;
}

}  // namespace

RunMarks MarksOf(const std::vector<HistoryEvent>& events,
                 bool execution_running) {
  RunMarks marks;
  // Per state, whether its last event opened it (entered, a new attempt) or
  // closed it. With concurrent iterations of one state this is the latest
  // iteration's view, which is what a person watching wants to see.
  std::map<std::string, bool> open;
  std::map<std::string, size_t> fan_at;
  auto fan = [&](const HistoryEvent& e, const char* kind) -> FanProgress& {
    auto [it, added] = fan_at.emplace(e.step_name, marks.fans.size());
    if (added) marks.fans.push_back({e.step_name, kind, 0, 0});
    return marks.fans[it->second];
  };
  for (const HistoryEvent& e : events) {
    if (e.step_name.empty()) continue;
    const std::string& t = e.type;
    if (t == "StateEntered" || t == "StepEntered") {
      marks.visited.insert(e.step_name);
      open[e.step_name] = true;
    } else if (t == "StateStarted" || t == "StepStarted") {
      open[e.step_name] = true;
    } else if (IsOneOf(t, {"StateFailed", "StepFailed", "StateTimedOut"})) {
      marks.failed.insert(e.step_name);
      open[e.step_name] = false;
    } else if (IsOneOf(t, {"StateSucceeded", "StepExited", "StateAborted"})) {
      open[e.step_name] = false;
    } else if (t == "IterationEntered") {
      ++fan(e, "iterations").started;
    } else if (t == "IterationExited") {
      ++fan(e, "iterations").ended;
    } else if (t == "BranchEntered") {
      ++fan(e, "branches").started;
    } else if (t == "BranchExited") {
      ++fan(e, "branches").ended;
    }
  }
  if (execution_running) {
    for (const auto& [name, is_open] : open) {
      if (is_open) marks.running.insert(name);
    }
  }
  return marks;
}

}  // namespace fnf::console

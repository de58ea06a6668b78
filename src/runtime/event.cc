#include "runtime/event.h"

#include <string>

namespace fnf::internal {

std::string RenderDetail(const Event& e) {
  const std::string_view text = e.detail_text();
  std::string out;
  switch (e.kind) {
    case DetailKind::kNone:
      break;
    case DetailKind::kText:
      out.assign(text);
      break;
    case DetailKind::kInput:
    case DetailKind::kOutput: {
      const std::string_view key =
          e.kind == DetailKind::kInput ? "{\"Input\":" : "{\"Output\":";
      out.reserve(key.size() + text.size() + 1);
      out.append(key).append(text).push_back('}');
      break;
    }
    case DetailKind::kIndex:
    case DetailKind::kIndexOutput:
      out = "{\"Index\":" + std::to_string(e.index);
      if (e.kind == DetailKind::kIndexOutput)
        out.append(",\"Output\":").append(text);
      out.push_back('}');
      break;
  }
  return out;
}

std::string_view EventTypeName(EventType t) {
  switch (t) {
    case EventType::kExecutionStarted:
      return "ExecutionStarted";
    case EventType::kStateEntered:
      return "StateEntered";
    case EventType::kStateStarted:
      return "StateStarted";
    case EventType::kStateSucceeded:
      return "StateSucceeded";
    case EventType::kStateFailed:
      return "StateFailed";
    case EventType::kStateTimedOut:
      return "StateTimedOut";
    case EventType::kStateAborted:
      return "StateAborted";
    case EventType::kTaskScheduled:
      return "TaskScheduled";
    case EventType::kTaskSucceeded:
      return "TaskSucceeded";
    case EventType::kTaskFailed:
      return "TaskFailed";
    case EventType::kTaskTimedOut:
      return "TaskTimedOut";
    case EventType::kBranchEntered:
      return "BranchEntered";
    case EventType::kBranchExited:
      return "BranchExited";
    case EventType::kIterationEntered:
      return "IterationEntered";
    case EventType::kIterationExited:
      return "IterationExited";
    case EventType::kExecutionSucceeded:
      return "ExecutionSucceeded";
    case EventType::kExecutionFailed:
      return "ExecutionFailed";
    case EventType::kExecutionTimedOut:
      return "ExecutionTimedOut";
    case EventType::kExecutionStopped:
      return "ExecutionStopped";
    case EventType::kStepEntered:
      return "StepEntered";
    case EventType::kStepStarted:
      return "StepStarted";
    case EventType::kStepSucceeded:
      return "StepSucceeded";
    case EventType::kStepFailed:
      return "StepFailed";
    case EventType::kStepExited:
      return "StepExited";
    case EventType::kTaskStarted:
      return "TaskStarted";
    case EventType::kTaskSubmitted:
      return "TaskSubmitted";
    case EventType::kTaskSubmitFailed:
      return "TaskSubmitFailed";
  }
  return "";
}

}  // namespace fnf::internal

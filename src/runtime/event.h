// One entry of an execution's history, as the interpreter records it.
#ifndef FNF_RUNTIME_EVENT_H_
#define FNF_RUNTIME_EVENT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace fnf::internal {

enum class EventType : uint8_t {
  kExecutionStarted,
  kStateEntered,
  kStateStarted,
  kStateSucceeded,
  kStateFailed,
  kStateTimedOut,
  kStateAborted,
  kTaskScheduled,
  kTaskSucceeded,
  kTaskFailed,
  kTaskTimedOut,
  kBranchEntered,
  kBranchExited,
  kIterationEntered,
  kIterationExited,
  kExecutionSucceeded,
  kExecutionFailed,
  kExecutionTimedOut,
  kExecutionStopped,
  // Legacy dialect (api.md §5.6).
  kStepEntered,
  kStepStarted,
  kStepSucceeded,
  kStepFailed,
  kStepExited,
  kTaskStarted,
  kTaskSubmitted,
  kTaskSubmitFailed,
};
std::string_view EventTypeName(EventType t);

struct Event {
  int64_t id = 0, schedule_id = 0;
  int64_t time_ms = 0;  // since the epoch; formatted when read
  EventType type{};
  std::string step_name;
  std::string detail;  // JSON object text
};

}  // namespace fnf::internal

#endif  // FNF_RUNTIME_EVENT_H_

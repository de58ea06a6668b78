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

// How an event's EventDetail is rendered from its text and index when the
// history is read (nothing is formatted while the execution runs).
enum class DetailKind : uint8_t {
  kNone,         // ""
  kText,         // the text as it is
  kInput,        // {"Input":<text>}
  kOutput,       // {"Output":<text>}
  kIndex,        // {"Index":<index>}
  kIndexOutput,  // {"Index":<index>,"Output":<text>}
};

// One history event, compact: no allocation per event. Its id is its place in
// ExecutionState::history plus one. The step name points into the compiled
// flow (kept alive by ExecutionState::version) and the text into
// ExecutionState::texts, ExecutionState::input_text or ExecutionState::output,
// which never change once an event points at them.
struct Event {
  int64_t schedule_id = 0;
  int64_t time_ms = 0;  // since the epoch; formatted when read
  const char* step = nullptr;
  const char* text = nullptr;
  uint32_t step_size = 0, text_size = 0;
  uint32_t index = 0;  // Map/Parallel: the iteration or branch
  EventType type{};
  DetailKind kind = DetailKind::kNone;

  std::string_view step_name() const { return {step, step_size}; }
  std::string_view detail_text() const { return {text, text_size}; }
};

// The EventDetail JSON text of `e`, as the API returns it.
std::string RenderDetail(const Event& e);

}  // namespace fnf::internal

#endif  // FNF_RUNTIME_EVENT_H_

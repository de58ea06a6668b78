// The run-time record of one execution: what the API reports about it and the
// interpreter's frames. Guarded by its own mutex so that executions run
// independently of each other.
#ifndef FNF_ENGINE_EXECUTION_H_
#define FNF_ENGINE_EXECUTION_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fnf/types.h"

#include "common/flow_error.h"
#include "definition/ir.h"
#include "json/json.h"
#include "runtime/text_arena.h"

namespace fnf::internal {

// One version of a flow's definition; executions keep the version they started
// with.
struct FlowVersion {
  std::string definition;
  std::string role_arn;
  bool express = false;
  // Null for an ended execution read back from a store (it never runs again).
  std::shared_ptr<const CompiledFlow> compiled;
  // With a store: the version's key in it (engine/durable_state.h).
  std::string hash;
};

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
  // Legacy dialect (docs/history.md).
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
// ExecutionRt::history plus one. The step name points into the compiled flow
// (kept alive by ExecutionRt::version) and the text into ExecutionRt::texts,
// ExecutionRt::input_text or ExecutionRt::output, which never change once an
// event points at them.
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

// A running scope: the top level, a Parallel branch or a Map iteration.
struct Frame {
  enum class Phase : uint8_t { kEnter, kWaiting, kDone };
  uint64_t id = 0;
  // The scope the frame runs. A store writes it as scope->path and finds it
  // again with FindScope (definition/ir.h) after recompiling the flow.
  const Scope* scope = nullptr;
  // The frame whose Parallel/Map state runs this one (an id, so that frames
  // can be written out and read back); 0 for the top level.
  uint64_t parent_id = 0;
  int slot = 0;    // branch or item index
  int state = -1;  // index into scope->states
  Phase phase = Phase::kEnter;
  Json data;   // the incoming data of `state`
  Json input;  // its effective input, after InputConstructor
  // The JSON text of the payload the frame carries (data, then input, then
  // output) while it is unchanged, stored in ExecutionRt::texts; empty when
  // not known. payload_size caches the payload's text size the same way, also
  // when no history is recorded.
  std::string_view text;
  size_t payload_size = kUnknownSize;
  static constexpr size_t kUnknownSize = ~size_t{0};
  void PayloadChanged() {
    text = std::string_view();
    payload_size = kUnknownSize;
  }
  std::vector<int> retry_used;  // retries made per Retry rule
  // Retries made in this state ($Context.Current.RetryCount).
  int RetriesMade() const {
    int n = 0;
    for (int k : retry_used) n += k;
    return n;
  }
  int choice_next = -1;  // legacy choice: where to go after the branch's steps
  // Legacy dialect: the sequence's input and its local (docs/legacy-fdl.md).
  Json seq_input, local;
  int64_t cause_event = 0;  // ScheduleEventId for the next event of this frame
  // Legacy: the id of the current step's first event, its StepEntered
  // ($context.step.eventId).
  int64_t step_event_id = 0;
  // Bumped whenever the frame stops waiting, so that late timers and task
  // results for an earlier wait are recognised and ignored.
  uint64_t generation = 0;
  std::string task_token;  // the task this frame waits for, if any
  // What the armed timer of the current generation means.
  enum class TimerKind : uint8_t { kNone, kWait, kRetry, kTaskTimeout };
  TimerKind timer_kind = TimerKind::kNone;
  // When that timer is due (ms since the epoch): the timers of an execution
  // can be armed again from its frames alone.
  int64_t timer_due_ms = 0;
  bool input_ready =
      false;  // `input` holds the effective input of the current attempt
  // Parallel / Map bookkeeping of the state this frame runs (see interp/).
  std::vector<Json> child_results;
  std::vector<uint64_t> children;  // ids of running child frames
  size_t next_item = 0, pending_children = 0, running_children = 0;
  size_t max_running = 0;
  size_t failed_children = 0;  // distributed Map
  uint64_t map_run = 0;        // distributed Map: names the child executions
  std::vector<std::string>
      child_executions;  // distributed Map: running child executions
  Json items;            // Map: the items still to start
};

struct ExecutionRt {
  std::mutex mu;

  // Fixed at start.
  std::string flow_name, name;
  std::shared_ptr<const FlowVersion> version;
  Json input;  // parsed execution input
  // As given (normalised to compact JSON). Never changed after the start: the
  // ExecutionStarted event and the top frame point at it.
  std::string input_text;
  std::string callback_token;
  int64_t started_ms = 0;
  uint64_t seq = 0;  // engine-wide creation order
  int depth = 0;     // 0 for an execution a host started; a child's is +1

  // Guarded by mu.
  ExecutionStatus status = ExecutionStatus::kRunning;
  int64_t stopped_ms = 0;
  std::string output;  // set once, at the end; ExecutionSucceeded points at it
  std::string error_code, error_message;
  std::vector<Event> history;  // history[i] is event i + 1
  // What the events point at; made by the first event that needs it (an
  // execution whose events only show its input and output needs none).
  std::unique_ptr<TextArena> texts;
  int64_t next_event_id = 1;
  // Events not yet handed to EngineOptions::event_listener, and whether a
  // thread is handing them over now (one thread at a time, in order).
  std::vector<std::pair<int64_t, Event>> undelivered;  // (event id, event)
  bool delivering = false;
  Json global = Json::MakeObject();
  std::unordered_map<uint64_t, std::unique_ptr<Frame>> frames;
  uint64_t next_frame_id = 1;
  std::vector<uint64_t> ready;  // frames to run
  bool queued = false;          // a run job for this execution is pending
  // API calls waiting for `mu` (not guarded by it): the next slice of a
  // running loop waits for them.
  std::atomic<int> callers_waiting{0};
  // With a store: whether this execution is written to it (Express ones are
  // not), how many of its events are committed, and whether a commit failed
  // (it then stops advancing in this process; a restart continues it from its
  // last commit).
  bool journaled = false;
  size_t committed_events = 0;
  bool stalled = false;
  uint64_t timeout_generation = 0;
  // When the execution's own deadline (Timeout, the Express bound) is due, ms
  // since the epoch; 0: none.
  int64_t timeout_due_ms = 0;
  uint64_t next_map_run = 1;

  bool ended() const { return IsTerminal(status); }
};

}  // namespace fnf::internal

#endif  // FNF_ENGINE_EXECUTION_H_

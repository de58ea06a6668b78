// The interpreter's position in one running scope of an execution.
#ifndef FNF_RUNTIME_FRAME_H_
#define FNF_RUNTIME_FRAME_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "definition/ir.h"
#include "json/json.h"

namespace fnf::internal {

// A running scope: the top level, a Parallel branch or a Map iteration.
struct Frame {
  enum class Phase : uint8_t { kEnter, kWaiting, kDone };
  uint64_t id = 0;
  // The scope the frame runs. Written out as scope->path and found again
  // with FindScope (definition/ir.h) when an execution is read back.
  const Scope* scope = nullptr;
  // The frame whose Parallel/Map state runs this one; 0 for the top level.
  uint64_t parent_id = 0;
  int slot = 0;    // branch or item index
  int state = -1;  // index into scope->states
  Phase phase = Phase::kEnter;
  Json data;   // the incoming data of `state`
  Json input;  // its effective input, after InputConstructor
  // The JSON text of the payload the frame carries (data, then input, then
  // output) while it is unchanged, stored in ExecutionState::texts; empty when
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
  // Legacy dialect: the sequence's input and its local (fdl-legacy.md §2).
  Json seq_input, local;
  int64_t cause_event = 0;  // ScheduleEventId for the next event of this frame
  // Bumped whenever the frame stops waiting, so that late timers and task
  // results for an earlier wait are recognised and ignored.
  uint64_t generation = 0;
  std::string task_token;  // the task this frame waits for, if any
  // What the armed timer of the current generation means.
  enum class TimerKind : uint8_t { kNone, kWait, kRetry, kTaskTimeout };
  TimerKind timer_kind = TimerKind::kNone;
  // When that timer is due (ms since the epoch), so that the timers of an
  // execution can be armed again from its frames alone.
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

}  // namespace fnf::internal

#endif  // FNF_RUNTIME_FRAME_H_

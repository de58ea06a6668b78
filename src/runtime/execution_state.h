// The run-time record of one execution: what the API reports about it and the
// interpreter's frames. Guarded by its own mutex so that executions run
// independently of each other. Data only: the interpreter (interp/) advances
// it and the engine (engine/) coordinates.
#ifndef FNF_RUNTIME_EXECUTION_STATE_H_
#define FNF_RUNTIME_EXECUTION_STATE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "fnf/types.h"

#include "json/json.h"
#include "runtime/event.h"
#include "runtime/flow_version.h"
#include "runtime/frame.h"
#include "runtime/text_arena.h"

namespace fnf::internal {

struct ExecutionState {
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
  Json global = Json::MakeObject();
  std::unordered_map<uint64_t, std::unique_ptr<Frame>> frames;
  uint64_t next_frame_id = 1;
  std::vector<uint64_t> ready;  // frames to run
  bool queued = false;          // a run job for this execution is pending
  uint64_t timeout_generation = 0;
  // When the execution's own Timeout (or the Express bound) is due, ms since
  // the epoch; 0: none.
  int64_t timeout_due_ms = 0;
  uint64_t next_map_run = 1;

  bool ended() const { return IsTerminal(status); }
};

// The execution as the API reports it (request_id left empty).
// REQUIRES: exec.mu held.
Execution Describe(const ExecutionState& exec);

}  // namespace fnf::internal

#endif  // FNF_RUNTIME_EXECUTION_STATE_H_

// The interpreter: advances one execution's frames. Every call requires the
// execution's mutex to be held and never blocks, sleeps or calls host code;
// what must happen outside the lock (timers to arm, task handlers to call,
// waiters to wake) is returned as Effects.
#ifndef FNF_INTERP_INTERPRETER_H_
#define FNF_INTERP_INTERPRETER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fnf/clock.h"
#include "fnf/options.h"

#include "common/flow_error.h"
#include "common/random.h"
#include "engine/execution.h"
#include "expr/eval_context.h"
#include "interp/legacy/path_eval.h"

namespace fnf::internal {

struct InterpEnv {
  Clock* clock = nullptr;
  Random* random = nullptr;
  const Limits* limits = nullptr;
  bool record_history = true;
  // Keep every event in ExecutionRt::undelivered for the event listener.
  bool listen = false;
};

// A timer to arm: at `due`, call Interpreter::OnTimer(frame_id, generation).
struct TimerRequest {
  TimePoint due;
  uint64_t frame_id = 0;  // 0: the execution's own Timeout
  uint64_t generation = 0;
};

// A task handler to call outside the lock; its result goes to
// Interpreter::OnTaskResult.
struct TaskCall {
  TaskRequest request;
  uint64_t frame_id = 0;
  uint64_t generation = 0;
  // Legacy tasks may answer with any JSON (a string holding an object is parsed
  // by the interpreter, docs/legacy-fdl.md); new-spec outputs must be objects.
  bool legacy = false;
};

// A distributed Map iteration to run as a child execution; its end is reported
// to the Map's frame through Interpreter::OnChildResult.
struct ChildStart {
  std::string token;  // identifies the iteration, like a task token
  uint64_t frame_id = 0, generation = 0;
  int slot = 0;
  std::string name;  // "<execution>:map<run>:<index>"
  Json input;
  const State* map_state = nullptr;
};

struct Effects {
  std::vector<TimerRequest> timers;
  std::vector<TaskCall> tasks;
  std::vector<std::string>
      finished_tokens;  // task tokens that are no longer awaited
  std::vector<ChildStart> child_starts;
  std::vector<std::string> child_stops;  // child executions (names) to stop
  bool finished = false;  // the execution has reached a terminal status
};

// How a task ended, as reported by a handler or ReportTask*.
struct TaskOutcome {
  bool succeeded = false;
  Json output;      // succeeded
  FlowError error;  // failed
  bool timed_out = false;
};

class Interpreter {
 public:
  // REQUIRES: exec->mu is held for the lifetime of the Interpreter.
  Interpreter(ExecutionRt* exec, const InterpEnv& env, Effects* effects)
      : exec_(exec),
        env_(env),
        fx_(effects),
        legacy_(exec->version->compiled->dialect == Dialect::kLegacy) {}

  // Records ExecutionStarted and makes the top-level scope ready.
  void Start();
  // Runs ready frames until none is ready or `max_steps` states have run, so
  // that one job holds the execution's lock for a bounded time; frames not
  // finished stay in ExecutionRt::ready (the caller requeues the execution).
  // Returns the number of states run.
  size_t RunReadyFrames(size_t max_steps = kStepsPerSlice);
  // States one job runs at most before it lets go of the execution.
  static constexpr size_t kStepsPerSlice = 256;
  // A timer armed through Effects is due. Stale timers are ignored.
  void OnTimer(uint64_t frame_id, uint64_t generation);
  // A task the frame waits for has ended. Stale results are ignored; returns
  // false for them.
  bool OnTaskResult(uint64_t frame_id, uint64_t generation,
                    TaskOutcome outcome);
  // A distributed Map iteration (child execution) ended. Stale results are
  // ignored; returns false for them.
  bool OnChildResult(uint64_t frame_id, uint64_t generation, int slot,
                     TaskOutcome outcome);
  // StopExecution: ends the execution as Stopped, cancelling everything it
  // still runs.
  void Stop(const std::string& error, const std::string& cause);

 private:
  Frame* NewFrame(const Scope* scope, Frame* parent, int slot, Json data);
  void MakeReady(Frame* f);
  // The frame waiting with `generation` for a result, or nullptr when the
  // result is stale.
  Frame* WaitingFrame(uint64_t frame_id, uint64_t generation) const;
  // Runs the frame until it waits or ends; false when it stopped because
  // `max_steps` were reached (it is still ready).
  bool RunFrame(Frame* f, size_t* steps, size_t max_steps);

  // The per-state pipeline (docs/cloudflow.md), one code path for every
  // state type.
  void EnterState(Frame* f);
  // One attempt of the current state: InputConstructor, StateStarted, the
  // type's work. Retries start here again, with the same incoming data.
  void AttemptState(Frame* f);
  void ExecuteState(Frame* f, const State& s);
  // `next`: the transition chosen by a Choice; -1 uses the state's Next/End.
  // `raw_is_input`: raw is the effective input unchanged, whose text is known.
  void CompleteState(Frame* f, Json raw, int next = -1,
                     bool raw_is_input = false);
  void RaiseError(Frame* f, FlowError error);
  void FinishFrame(Frame* f, Json output);
  void FailFrame(Frame* f, FlowError error);
  void FinishExecution(ExecutionStatus status, Json* output,
                       const FlowError* error);
  void CancelFrame(
      Frame* f);  // drops a frame and its children (their waits become stale)

  // Whether events carry their details: kept in the history or heard by the
  // event listener.
  bool details() const { return env_.record_history || env_.listen; }
  // What `$context` holds inside legacy step `s` of frame `f`.
  legacy::ContextValues StepContext(const Frame* f, const State& s,
                                    std::string_view task_token = {}) const {
    return {exec_->name, exec_->flow_name, s.name, task_token,
            f->step_event_id};
  }

  // Per-type work. Each ends by calling CompleteState or RaiseError, or leaves
  // the frame waiting (phase kWaiting) for a timer, a task or child frames.
  void RunFail(Frame* f, const State& s);
  void RunChoice(Frame* f, const State& s);
  void RunWait(Frame* f, const State& s);
  void RunParallel(Frame* f, const State& s);
  void RunMap(Frame* f, const State& s);
  void RunTask(Frame* f, const State& s);
  // Map: starts iterations while below the concurrency limit.
  void StartIterations(Frame* f, const State& s);
  void StartChildExecution(Frame* f, const State& s, size_t index, Json input);
  // A child frame (branch/iteration) ended; its parent continues or fails.
  void ChildFinished(Frame* child, Json output);
  void ChildFailed(Frame* child, FlowError error);
  // Cancels the children of `f` (after one failed, or when `f` is retried).
  void CancelChildren(Frame* f);
  // Arms a timer for `f` after `seconds`; the frame waits until it fires.
  void ArmTimer(Frame* f, double seconds, Frame::TimerKind kind);
  void Resume(Frame* f);  // a waiting frame can run again

  bool CheckSize(Frame* f, const Json& value, const char* what);
  EvalContext MakeContext(const Frame* f, const Json* input) const;
  // The history funnel. Every event goes through Record, which appends a
  // compact Event; `text` must be stable storage (ExecutionRt::texts,
  // input_text or output). Nothing is formatted until the history is read.
  int64_t Record(Frame* f, EventType type, std::string_view step,
                 DetailKind kind, std::string_view text = {},
                 uint32_t index = 0);
  // An event whose detail is `detail` as it is (error and task details).
  int64_t Emit(Frame* f, EventType type, std::string_view step,
               std::string detail);
  // Detail {"Input"|"Output": <the frame's current payload>}, serialized once
  // while the payload is unchanged (Frame::text): a chain of Pass states
  // serializes its data once, not three times per state.
  int64_t EmitPayload(Frame* f, EventType type, std::string_view step,
                      DetailKind key, const Json& value);
  // Detail {"Input"|"Output": value}, serialized only when history is
  // recorded.
  int64_t EmitValue(Frame* f, EventType type, std::string_view step,
                    DetailKind key, const Json& value);
  // Detail {"Index": index} or, with an output, {"Index": index, "Output":
  // output} (Map iterations and Parallel branches); `output_text` may be
  // empty when not known.
  int64_t EmitIndex(Frame* f, EventType type, std::string_view step,
                    size_t index, const Json* output = nullptr,
                    std::string_view output_text = {});
  TextArena& Texts();  // ExecutionRt::texts, made on first use
  // `value` serialized into ExecutionRt::texts.
  std::string_view StoreText(const Json& value);
  // The payload text of `f` (serialized into the arena when not known).
  std::string_view PayloadText(Frame* f, const Json& value);
  // The time of an event: the clock is read once per state run (the events of
  // one state share it), else at each event.
  int64_t Now() const;
  // The injected clock, in milliseconds since the epoch.
  int64_t ReadClock() const;

  // The legacy dialect (docs/legacy-fdl.md): same pipeline, its own data flow.
  // Each hook of interp/legacy is called from one place here.
  void AttemptLegacyStep(Frame* f);
  void ExecuteLegacyStep(Frame* f, const State& s);
  void RunLegacyChoice(Frame* f, const State& s);
  void CompleteLegacyStep(Frame* f, Json local, int next, Json* caught_output);
  void FinishLegacyFlow(Frame* top);

  int64_t state_time_ms_ = -1;  // the clock read for the running state
  ExecutionRt* exec_;
  InterpEnv env_;
  Effects* fx_;
  const bool legacy_;
};

// {"Error": code, "Cause": detail}.
std::string ErrorDetail(const FlowError& e);

}  // namespace fnf::internal

#endif  // FNF_INTERP_INTERPRETER_H_

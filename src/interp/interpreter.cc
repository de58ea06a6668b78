#include "interp/interpreter.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "interp/json_size.h"
#include "interp/legacy/data_flow.h"
#include "interp/legacy/task_data.h"

namespace fnf::internal {

std::string ErrorDetail(const FlowError& e) {
  std::string out = "{\"Error\":";
  AppendJsonString(e.code, &out);
  out += ",\"Cause\":";
  AppendJsonString(e.detail, &out);
  out.push_back('}');
  return out;
}

int64_t Interpreter::ReadClock() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             env_.clock->Now().time_since_epoch())
      .count();
}

int64_t Interpreter::Now() const {
  return state_time_ms_ >= 0 ? state_time_ms_ : ReadClock();
}

namespace {

// docs/behaviour.md: the legacy dialect names its step events as
// docs/history.md lists them.
EventType LegacyEventType(EventType t) {
  switch (t) {
    case EventType::kStateEntered:
      return EventType::kStepEntered;
    case EventType::kStateStarted:
      return EventType::kStepStarted;
    case EventType::kStateSucceeded:
      return EventType::kStepExited;
    case EventType::kStateFailed:
    case EventType::kStateAborted:
    case EventType::kStateTimedOut:
      return EventType::kStepFailed;
    default:
      return t;
  }
}

}  // namespace

int64_t Interpreter::Record(Frame* f, EventType type, std::string_view step,
                            DetailKind kind, std::string_view text,
                            uint32_t index) {
  if (legacy_) type = LegacyEventType(type);
  int64_t id = exec_->next_event_id++;
  if (env_.record_history) {
    // Room for a short execution's events at once (a one-state flow has 5);
    // FinishExecution gives back what is not used.
    if (exec_->history.capacity() == 0) exec_->history.reserve(8);
    Event& e = exec_->history.emplace_back();
    e.schedule_id = f ? f->cause_event : 0;
    e.time_ms = Now();
    e.step = step.data();
    e.step_size = static_cast<uint32_t>(step.size());
    e.text = text.data();
    e.text_size = static_cast<uint32_t>(text.size());
    e.index = index;
    e.type = type;
    e.kind = kind;
    // The event listener hears it once the execution's lock is released.
    if (env_.listen) exec_->undelivered.emplace_back(id, e);
  }
  if (f) f->cause_event = id;
  return id;
}

int64_t Interpreter::Emit(Frame* f, EventType type, std::string_view step,
                          std::string detail) {
  if (!env_.record_history) return Record(f, type, step, DetailKind::kNone);
  return Record(f, type, step,
                detail.empty() ? DetailKind::kNone : DetailKind::kText,
                Texts().Add(detail));
}

TextArena& Interpreter::Texts() {
  if (!exec_->texts) exec_->texts = std::make_unique<TextArena>();
  return *exec_->texts;
}

std::string_view Interpreter::StoreText(const Json& value) {
  // Serialized into a buffer that keeps its capacity, then copied once into
  // the execution's arena: no allocation per event.
  thread_local std::string buffer;
  buffer.clear();
  value.AppendTo(&buffer);
  return Texts().Add(buffer);
}

int64_t Interpreter::EmitValue(Frame* f, EventType type, std::string_view step,
                               DetailKind key, const Json& value) {
  if (!env_.record_history) return Record(f, type, step, DetailKind::kNone);
  return Record(f, type, step, key, StoreText(value));
}

std::string_view Interpreter::PayloadText(Frame* f, const Json& value) {
  if (f->text.empty()) {
    f->text = StoreText(value);
    f->payload_size = f->text.size();
  }
  return f->text;
}

int64_t Interpreter::EmitPayload(Frame* f, EventType type,
                                 std::string_view step, DetailKind key,
                                 const Json& value) {
  if (!env_.record_history) return Record(f, type, step, DetailKind::kNone);
  return Record(f, type, step, key, PayloadText(f, value));
}

int64_t Interpreter::EmitIndex(Frame* f, EventType type, std::string_view step,
                               size_t index, const Json* output,
                               std::string_view output_text) {
  if (!env_.record_history) return Record(f, type, step, DetailKind::kNone);
  if (output == nullptr)
    return Record(f, type, step, DetailKind::kIndex, {},
                  static_cast<uint32_t>(index));
  if (output_text.empty()) output_text = StoreText(*output);
  return Record(f, type, step, DetailKind::kIndexOutput, output_text,
                static_cast<uint32_t>(index));
}

Frame* Interpreter::NewFrame(const Scope* scope, Frame* parent, int slot,
                             Json data) {
  auto owned = std::make_unique<Frame>();
  Frame* f = owned.get();
  f->id = exec_->next_frame_id++;
  f->scope = scope;
  f->parent_id = parent ? parent->id : 0;
  f->slot = slot;
  f->state = scope->start;
  if (legacy_) {
    // A legacy sequence gets its input, and starts with an empty local.
    f->seq_input = std::move(data);
    f->local = Json::MakeObject();
  } else {
    f->data = std::move(data);
  }
  f->cause_event = parent ? parent->cause_event : 0;
  exec_->frames.emplace(f->id, std::move(owned));
  return f;
}

namespace {
// StateEntered, StateStarted, TaskScheduled, TaskSucceeded, StateSucceeded,
// Branch/Iteration events and the execution's final event.
constexpr size_t kMaxEventsPerState = 8;
}  // namespace

Frame* Interpreter::WaitingFrame(uint64_t frame_id, uint64_t generation) const {
  if (exec_->ended()) return nullptr;
  auto it = exec_->frames.find(frame_id);
  if (it == exec_->frames.end()) return nullptr;
  Frame* f = it->second.get();
  if (f->generation != generation || f->phase != Frame::Phase::kWaiting)
    return nullptr;
  return f;
}

void Interpreter::MakeReady(Frame* f) { exec_->ready.push_back(f->id); }

void Interpreter::Start() {
  const CompiledFlow& flow = *exec_->version->compiled;
  int64_t started = Record(nullptr, EventType::kExecutionStarted, "",
                           DetailKind::kInput, exec_->input_text);
  Json first = Json(exec_->input);
  if (legacy_ && flow.root == nullptr) {
    legacy::ContextValues ctx{exec_->name, exec_->flow_name, "", ""};
    first = legacy::FlowInput(flow, exec_->input, ctx);
  }
  Frame* top = NewFrame(&flow.entry(), nullptr, 0, std::move(first));
  if (!legacy_) {
    top->text = exec_->input_text;
    top->payload_size = top->text.size();
  }
  top->cause_event = started;
  MakeReady(top);
  if (flow.timeout_seconds) {
    exec_->timeout_due_ms = exec_->started_ms + *flow.timeout_seconds * 1000;
    fx_->timers.push_back(TimerRequest{
        TimePoint(std::chrono::milliseconds(exec_->timeout_due_ms)), 0,
        exec_->timeout_generation});
  }
}

size_t Interpreter::RunReadyFrames(size_t max_steps) {
  size_t steps = 0;
  // `ready` is a FIFO that grows while it is drained (frames make frames
  // ready). Frames before `done` have run until they wait or end; a frame cut
  // short by the slice stays first for the next one.
  std::vector<uint64_t>& ready = exec_->ready;
  size_t done = 0;
  for (; done < ready.size() && !exec_->ended() && steps < max_steps; ++done) {
    auto it = exec_->frames.find(ready[done]);
    if (it == exec_->frames.end()) continue;  // cancelled meanwhile
    if (!RunFrame(it->second.get(), &steps, max_steps)) break;
  }
  // erase keeps the vector's room for the next job.
  if (exec_->ended()) done = ready.size();
  ready.erase(ready.begin(), ready.begin() + static_cast<ptrdiff_t>(done));
  return steps;
}

bool Interpreter::RunFrame(Frame* f, size_t* steps, size_t max_steps) {
  // A frame runs state after state until it waits, ends, or the execution ends.
  // Finishing a frame may free it, so its id is checked rather than the pointer
  // kept.
  const uint64_t id = f->id;
  while (!exec_->ended()) {
    auto it = exec_->frames.find(id);
    if (it == exec_->frames.end()) return true;
    f = it->second.get();
    if (f->phase != Frame::Phase::kEnter) return true;
    // The transition limit (5,000 history events by default), whether the
    // history is recorded or not: a state adds at most a handful of events,
    // so the execution fails before the next state could take it past the
    // limit. Without it a loop would never end.
    const size_t events = static_cast<size_t>(exec_->next_event_id - 1);
    if (events + kMaxEventsPerState > env_.limits->history_events) {
      FlowError e{std::string(kErrHistoryLimit),
                  StrCat("the execution history would exceed ",
                         env_.limits->history_events, " events")};
      FinishExecution(ExecutionStatus::kFailed, nullptr, &e);
      return true;
    }
    if (*steps >= max_steps) return false;
    ++*steps;
    state_time_ms_ = ReadClock();
    EnterState(f);
    state_time_ms_ = -1;
  }
  return true;
}

EvalContext Interpreter::MakeContext(const Frame* f, const Json* input) const {
  EvalContext ctx;
  ctx.input = input;
  ctx.global = &exec_->global;
  ctx.execution_name = exec_->name;
  ctx.execution_input = &exec_->input;
  ctx.role_arn = exec_->version->role_arn;
  ctx.flow_name = exec_->flow_name;
  ctx.state_name = f->scope->states[f->state].name;
  ctx.retry_count = f->RetriesMade();
  ctx.task_token = f->task_token;
  ctx.random = env_.random;
  return ctx;
}

bool Interpreter::CheckSize(Frame* f, const Json& value, const char* what) {
  if (f->payload_size == Frame::kUnknownSize)
    f->payload_size = JsonTextSize(value);
  const size_t size = f->payload_size;
  if (size <= env_.limits->state_payload_bytes) return true;
  const State& s = f->scope->states[f->state];
  RaiseError(f, FlowError{std::string(kErrPayloadTooLarge),
                          StrCat("the ", what, " of state '", s.name, "' is ",
                                 size, " bytes, over the limit of ",
                                 env_.limits->state_payload_bytes, " bytes")});
  return false;
}

void Interpreter::EnterState(Frame* f) {
  const State& s = f->scope->states[f->state];
  f->retry_used.assign(s.retry.size(), 0);
  if (legacy_) return AttemptLegacyStep(f);
  EmitPayload(f, EventType::kStateEntered, s.name, DetailKind::kInput, f->data);
  AttemptState(f);
}

void Interpreter::AttemptState(Frame* f) {
  if (legacy_) return AttemptLegacyStep(f);
  const State& s = f->scope->states[f->state];
  f->input_ready = false;
  if (!s.input_constructor.empty()) {
    f->PayloadChanged();
    EvalContext ctx = MakeContext(f, &f->data);
    auto r = s.input_constructor.Evaluate(ctx);
    if (auto* err = std::get_if<FlowError>(&r))
      return RaiseError(f, std::move(*err));
    f->input = std::move(std::get<Json>(r));
  } else if (s.retry.empty()) {
    f->input = std::move(f->data);
  } else {
    f->input =
        f->data;  // kept for a retry, which starts again from the incoming data
  }
  f->input_ready = true;
  if (!CheckSize(f, f->input, "input")) return;
  EmitPayload(f, EventType::kStateStarted, s.name, DetailKind::kInput,
              f->input);
  ExecuteState(f, s);
}

void Interpreter::ExecuteState(Frame* f, const State& s) {
  switch (s.type) {
    case StateType::kPass:
    case StateType::kSucceed:
      // $Output is the input; copy it only when a constructor needs both.
      if (s.output_constructor.empty() && s.global_constructor.empty()) {
        CompleteState(f, std::move(f->input), -1, /*raw_is_input=*/true);
      } else {
        CompleteState(f, Json(f->input), -1, /*raw_is_input=*/true);
      }
      return;
    case StateType::kFail:
      return RunFail(f, s);
    case StateType::kChoice:
      return RunChoice(f, s);
    case StateType::kWait:
      return RunWait(f, s);
    case StateType::kParallel:
      return RunParallel(f, s);
    case StateType::kMap:
      return RunMap(f, s);
    case StateType::kTask:
      return RunTask(f, s);
  }
}

void Interpreter::RunFail(Frame* f, const State& s) {
  // docs/behaviour.md: the Code (default FnF.Failed) is raised as an error of
  // the enclosing scope.
  FlowError error{s.fail_has_code ? s.fail_code : std::string(kErrFailed),
                  s.fail_detail};
  Emit(f, EventType::kStateFailed, s.name, ErrorDetail(error));
  FailFrame(f, std::move(error));
}

void Interpreter::CompleteState(Frame* f, Json raw, int next,
                                bool raw_is_input) {
  if (legacy_) return CompleteLegacyStep(f, std::move(raw), next, nullptr);
  const State& s = f->scope->states[f->state];
  if (!raw_is_input || !s.output_constructor.empty()) f->PayloadChanged();
  Json out;
  if (!s.output_constructor.empty() || !s.global_constructor.empty()) {
    EvalContext ctx = MakeContext(f, &f->input);
    ctx.output = &raw;
    if (!s.output_constructor.empty()) {
      // $Global here is the value before this state's GlobalConstructor
      // (docs/cloudflow.md).
      auto r = s.output_constructor.Evaluate(ctx);
      if (auto* err = std::get_if<FlowError>(&r))
        return RaiseError(f, std::move(*err));
      out = std::move(std::get<Json>(r));
    }
    if (!s.global_constructor.empty()) {
      auto g = s.global_constructor.Evaluate(ctx);
      if (auto* err = std::get_if<FlowError>(&g))
        return RaiseError(f, std::move(*err));
      exec_->global.MergeFrom(std::move(std::get<Json>(g)));
    }
    if (s.output_constructor.empty()) out = std::move(raw);
  } else {
    out = std::move(raw);
  }
  if (!CheckSize(f, out, "output")) return;
  EmitPayload(f, EventType::kStateSucceeded, s.name, DetailKind::kOutput, out);
  f->input = Json();
  f->data = Json();
  if (next < 0) next = s.end ? -1 : s.next;
  if (next < 0) {
    FinishFrame(f, std::move(out));
    return;
  }
  f->state = next;
  f->data = std::move(out);
  f->phase = Frame::Phase::kEnter;
}

namespace {

bool Matches(const std::vector<std::string>& errors, const std::string& code) {
  for (const std::string& e : errors) {
    if (e == code || e == kErrAll) return true;
  }
  return false;
}

}  // namespace

void Interpreter::RaiseError(Frame* f, FlowError error) {
  f->PayloadChanged();  // a catcher's output, or the state is redone
  const State& s = f->scope->states[f->state];
  CancelChildren(f);
  if (!f->task_token.empty()) {
    fx_->finished_tokens.push_back(std::move(f->task_token));
    f->task_token.clear();
  }
  ++f->generation;  // whatever the frame waited for is stale now
  Emit(f, EventType::kStateFailed, s.name, ErrorDetail(error));
  // Retry first: only the first rule whose Errors match is used
  // (docs/cloudflow.md).
  for (size_t k = 0; k < s.retry.size(); ++k) {
    const Retrier& r = s.retry[k];
    if (!Matches(r.errors, error.code)) continue;
    if (f->retry_used[k] < r.max_attempts) {
      // docs/behaviour.md: delay before retry n of this rule is
      // min(interval * rate^(n-1), max backoff).
      double delay =
          r.interval_seconds * std::pow(r.backoff_rate, f->retry_used[k]);
      ++f->retry_used[k];
      if (r.max_backoff_seconds)
        delay = std::min(delay, *r.max_backoff_seconds);
      ArmTimer(f, delay, Frame::TimerKind::kRetry);
      return;
    }
    break;
  }
  for (const Catcher& c : s.catchers) {
    if (!Matches(c.errors, error.code)) continue;
    if (legacy_) {
      // docs/legacy-fdl.md: the errorMappings output goes to the parent's
      // local, then the flow goes on at the catch's goto.
      Json caught =
          legacy::CaughtErrorOutput(s, f->input_ready ? f->input : f->seq_input,
                                    error, StepContext(f, s));
      return CompleteLegacyStep(f, Json::MakeObject(), c.next, &caught);
    }
    // docs/behaviour.md: without an OutputConstructor the Next state gets the
    // failed state's effective input.
    Json& effective = f->input_ready ? f->input : f->data;
    Json out;
    if (!c.output.empty()) {
      EvalContext ctx = MakeContext(f, &effective);
      ctx.error = &error;
      auto r = c.output.Evaluate(ctx);
      if (auto* err = std::get_if<FlowError>(&r)) {
        // The catcher itself failed: nothing else handles this state's error.
        return FailFrame(f, std::move(*err));
      }
      out = std::move(std::get<Json>(r));
    } else {
      out = std::move(effective);
    }
    f->input = Json();
    f->data = std::move(out);
    f->state = c.next;
    f->phase = Frame::Phase::kEnter;
    return;
  }
  FailFrame(f, std::move(error));
}

void Interpreter::ArmTimer(Frame* f, double seconds, Frame::TimerKind kind) {
  const auto delay = std::chrono::milliseconds(
      static_cast<int64_t>(std::llround(seconds * 1000)));
  f->phase = Frame::Phase::kWaiting;
  f->timer_kind = kind;
  const TimePoint due = env_.clock->Now() + delay;
  f->timer_due_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        due.time_since_epoch())
                        .count();
  fx_->timers.push_back(TimerRequest{due, f->id, f->generation});
}

void Interpreter::Resume(Frame* f) {
  if (f->phase == Frame::Phase::kEnter) MakeReady(f);
}

void Interpreter::FinishFrame(Frame* f, Json output) {
  f->phase = Frame::Phase::kDone;
  if (f->parent_id == 0 && legacy_ &&
      exec_->version->compiled->root == nullptr) {
    legacy::ContextValues ctx{exec_->name, exec_->flow_name, "", ""};
    Json out = legacy::FlowOutput(*exec_->version->compiled, f->seq_input,
                                  output, ctx);
    FinishExecution(ExecutionStatus::kSucceeded, &out, nullptr);
    return;
  }
  if (f->parent_id == 0) {
    if (!f->text.empty()) exec_->output = std::string(f->text);
    FinishExecution(ExecutionStatus::kSucceeded, &output, nullptr);
    return;
  }
  ChildFinished(f, std::move(output));
}

void Interpreter::FailFrame(Frame* f, FlowError error) {
  f->phase = Frame::Phase::kDone;
  if (f->parent_id == 0) {
    FinishExecution(ExecutionStatus::kFailed, nullptr, &error);
    return;
  }
  ChildFailed(f, std::move(error));
}

void Interpreter::CancelChildren(Frame* f) {
  for (uint64_t child : f->children) {
    auto it = exec_->frames.find(child);
    if (it != exec_->frames.end()) CancelFrame(it->second.get());
  }
  f->children.clear();
  for (std::string& name : f->child_executions)
    fx_->child_stops.push_back(std::move(name));
  f->child_executions.clear();
  f->child_results.clear();
  f->pending_children = f->running_children = 0;
  f->items = Json();
}

void Interpreter::CancelFrame(Frame* f) {
  CancelChildren(f);
  if (f->phase == Frame::Phase::kWaiting) {
    Emit(f, EventType::kStateAborted, f->scope->states[f->state].name, "{}");
  }
  if (!f->task_token.empty()) fx_->finished_tokens.push_back(f->task_token);
  exec_->frames.erase(f->id);
}

void Interpreter::FinishExecution(ExecutionStatus status, Json* output,
                                  const FlowError* error) {
  if (exec_->ended()) return;
  exec_->status = status;
  exec_->stopped_ms = Now();
  EventType type = EventType::kExecutionSucceeded;
  std::string detail;
  if (status == ExecutionStatus::kSucceeded) {
    if (exec_->output.empty()) exec_->output = output->Serialize();
  } else {
    exec_->error_code = error->code;
    exec_->error_message = error->detail;
    detail = ErrorDetail(*error);
    type = status == ExecutionStatus::kFailed ? EventType::kExecutionFailed
           : status == ExecutionStatus::kTimedOut
               ? EventType::kExecutionTimedOut
               : EventType::kExecutionStopped;
    // States still waiting are cut short: StateTimedOut on a timeout, else
    // StateAborted. In frame order, so that histories are reproducible.
    std::vector<Frame*> waiting;
    for (auto& [id, frame] : exec_->frames) {
      if (frame->phase == Frame::Phase::kWaiting)
        waiting.push_back(frame.get());
    }
    std::sort(waiting.begin(), waiting.end(),
              [](const Frame* a, const Frame* b) { return a->id < b->id; });
    const EventType cut = status == ExecutionStatus::kTimedOut
                              ? EventType::kStateTimedOut
                              : EventType::kStateAborted;
    for (Frame* w : waiting)
      Emit(w, cut, w->scope->states[w->state].name, "{}");
  }
  const int64_t cause = exec_->next_event_id - 1;  // the event that ended it
  if (status == ExecutionStatus::kSucceeded) {
    Record(nullptr, type, "", DetailKind::kOutput, exec_->output);
  } else {
    Emit(nullptr, type, "", std::move(detail));
  }
  if (env_.record_history) {
    exec_->history.back().schedule_id = cause;
    if (env_.listen) exec_->undelivered.back().second.schedule_id = cause;
    exec_->history.shrink_to_fit();  // retained executions stay small
  }
  // Everything still running in the execution is cancelled: waits become stale.
  for (auto& [id, frame] : exec_->frames) {
    if (!frame->task_token.empty())
      fx_->finished_tokens.push_back(frame->task_token);
    for (std::string& name : frame->child_executions) {
      fx_->child_stops.push_back(std::move(name));
    }
  }
  // Free what only a running execution needs: retained executions stay small.
  decltype(exec_->frames)().swap(exec_->frames);
  decltype(exec_->ready)().swap(exec_->ready);
  exec_->global = Json();
  exec_->input = Json();
  fx_->finished = true;
}

void Interpreter::OnTimer(uint64_t frame_id, uint64_t generation) {
  if (exec_->ended()) return;
  if (frame_id == 0) {
    if (generation != exec_->timeout_generation) return;
    const int64_t secs = exec_->version->compiled->timeout_seconds.value_or(0);
    FlowError e{std::string(kErrTimeout),
                StrCat("the execution did not end within its ",
                       legacy_ ? "timeoutSeconds" : "Timeout", " of ", secs,
                       " seconds")};
    FinishExecution(ExecutionStatus::kTimedOut, nullptr, &e);
    return;
  }
  auto it = exec_->frames.find(frame_id);
  if (it == exec_->frames.end() || it->second->generation != generation) return;
  Frame* f = it->second.get();
  if (f->phase != Frame::Phase::kWaiting) return;
  const State& s = f->scope->states[f->state];
  const Frame::TimerKind kind = f->timer_kind;
  f->timer_kind = Frame::TimerKind::kNone;
  f->timer_due_ms = 0;
  ++f->generation;
  switch (kind) {
    case Frame::TimerKind::kWait:
      f->phase = Frame::Phase::kEnter;  // provisional: CompleteState sets what
                                        // comes next
      CompleteState(f, legacy_ ? Json::MakeObject() : std::move(f->input), -1,
                    /*raw_is_input=*/!legacy_);
      break;
    case Frame::TimerKind::kRetry:
      f->phase = Frame::Phase::kEnter;
      AttemptState(f);
      break;
    case Frame::TimerKind::kTaskTimeout: {
      FlowError e{
          std::string(exec_->version->compiled->dialect == Dialect::kLegacy
                          ? kErrTaskTimeout
                          : kErrTimeout),
          StrCat("task '", s.name, "' did not complete within its timeout")};
      Emit(f, EventType::kTaskTimedOut, s.name, ErrorDetail(e));
      f->phase = Frame::Phase::kEnter;
      RaiseError(f, std::move(e));
      break;
    }
    case Frame::TimerKind::kNone:
      return;
  }
  if (exec_->frames.count(frame_id)) Resume(f);
}

void Interpreter::Stop(const std::string& error, const std::string& cause) {
  FlowError e{error, cause};
  FinishExecution(ExecutionStatus::kStopped, nullptr, &e);
}

}  // namespace fnf::internal

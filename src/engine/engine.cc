#include "fnf/engine.h"

#include <algorithm>
#include <regex>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "common/time_format.h"
#include "definition/compiler.h"
#include "engine/durable_state.h"
#include "engine/engine_impl.h"
#include "engine/names.h"
#include "functions/utf8.h"

namespace fnf {

using internal::ExecutionRt;
using internal::Json;
using internal::StrCat;

namespace {

int64_t ToMs(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             t.time_since_epoch())
      .count();
}
std::string FormatMs(int64_t ms) {
  return internal::FormatTime(TimePoint(std::chrono::milliseconds(ms)));
}

HistoryEvent ToHistoryEvent(int64_t id, const internal::Event& e) {
  return HistoryEvent{id,
                      e.schedule_id,
                      std::string(e.step_name()),
                      std::string(internal::EventTypeName(e.type)),
                      FormatMs(e.time_ms),
                      internal::RenderDetail(e)};
}

Status Invalid(std::string message) {
  return Status(ErrorCode::kInvalidArgument, std::move(message));
}

// A ListExecutions token is an execution name: at most 128 bytes, plus ':' and
// a UUID for Express executions.
constexpr size_t kMaxNextTokenBytes = 256;

// StopExecution's and ReportTaskFailed's Error and Cause: bounded, UTF-8.
Status CheckErrorAndCause(std::string_view error, std::string_view cause) {
  if (error.size() > 128) {
    return Invalid(StrCat("Error is ", error.size(),
                          " characters long; it must be at most 128"));
  }
  if (cause.size() > 4096) {
    return Invalid(StrCat("Cause is ", cause.size(),
                          " characters long; it must be at most 4096"));
  }
  for (auto [what, text] :
       {std::pair{"Error", error}, std::pair{"Cause", cause}}) {
    size_t bad = internal::InvalidUtf8Offset(text);
    if (bad != std::string_view::npos) {
      return Invalid(StrCat(what, " is not valid UTF-8 (byte ", bad + 1, ")"));
    }
  }
  return Status();
}

// Locks an execution for an API call. While a call waits, workers about to run
// the execution's next slice step aside (RunJob), so a call waits for at most
// one slice even while a loop runs.
std::unique_lock<std::mutex> LockForCall(internal::ExecutionRt& exec) {
  exec.callers_waiting.fetch_add(1, std::memory_order_acq_rel);
  std::unique_lock<std::mutex> l(exec.mu);
  exec.callers_waiting.fetch_sub(1, std::memory_order_acq_rel);
  return l;
}

Status TooLarge(size_t limit) {
  return Status(ErrorCode::kEntityTooLarge,
                StrCat("The payload size exceeds maximum allowed size (", limit,
                       " bytes)."));
}

std::string JoinDiagnostics(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> parts;
  for (const Diagnostic& d : diags) parts.push_back(d.ToString());
  return absl::StrJoin(parts, "; ");
}

// Parses a JSON object given as text ("" means {}); InvalidArgument when it is
// not one.
StatusOr<Json> ParseObject(std::string_view what, std::string_view text) {
  if (text.empty()) return Json::MakeObject();
  internal::JsonParseResult r = internal::ParseJson(text);
  if (!r.ok) {
    return Invalid(StrCat(what, " is not valid JSON: ", r.error, " at line ",
                          r.line, ", column ", r.column));
  }
  if (!r.value.is_object()) {
    return Invalid(
        StrCat(what, " must be a JSON object, got ", r.value.type_name()));
  }
  return std::move(r.value);
}

std::optional<ExecutionStatus> ParseStatus(std::string_view s) {
  for (ExecutionStatus st :
       {ExecutionStatus::kStarting, ExecutionStatus::kRunning,
        ExecutionStatus::kStopped, ExecutionStatus::kSucceeded,
        ExecutionStatus::kFailed, ExecutionStatus::kTimedOut}) {
    if (ToString(st) == s) return st;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(ExecutionStatus status) {
  switch (status) {
    case ExecutionStatus::kStarting:
      return "Starting";
    case ExecutionStatus::kRunning:
      return "Running";
    case ExecutionStatus::kStopped:
      return "Stopped";
    case ExecutionStatus::kSucceeded:
      return "Succeeded";
    case ExecutionStatus::kFailed:
      return "Failed";
    case ExecutionStatus::kTimedOut:
      return "TimedOut";
  }
  return "";
}

bool IsTerminal(ExecutionStatus status) {
  return status != ExecutionStatus::kStarting &&
         status != ExecutionStatus::kRunning;
}

// ---------------------------------------------------------------------------------------------
// Construction and threads.

Engine::Impl::Impl(EngineOptions options)
    : options_(std::move(options)),
      clock_(options_.clock ? options_.clock : Clock::System()),
      manual_(options_.worker_threads == 0),
      schedules_({options_.limits.request_bytes, options_.limits.list_default,
                  options_.limits.list_schedules_max,
                  [this](std::string_view flow) {
                    return FindFlow(flow) != nullptr;
                  }}),
      waker_(std::make_shared<Waker>()) {
  if (options_.store) OpenStore();
  random_.emplace(options_.random_seed == 0
                      ? 0
                      : options_.random_seed +
                            0x9E3779B97F4A7C15ULL *
                                static_cast<uint64_t>(store_starts_));
  request_prefix_ = random_->Uuid().substr(0, 24);
  waker_->impl = this;
  std::weak_ptr<Waker> weak = waker_;
  listener_id_ = clock_->AddListener([weak] {
    if (auto w = weak.lock()) {
      std::lock_guard<std::mutex> l(w->mu);
      if (w->impl) {
        std::lock_guard<std::mutex> l2(w->impl->mu_);
        w->impl->work_cv_.notify_all();
      }
    }
  });
  int n = options_.worker_threads;
  if (n < 0) n = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 0; i < n; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

Engine::Impl::~Impl() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  done_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
  if (store_) store_->DetachEngine();
  {
    std::lock_guard<std::mutex> l(waker_->mu);
    waker_->impl = nullptr;
  }
  clock_->RemoveListener(listener_id_);
}

std::string Engine::Impl::NewRequestId() {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t n = request_counter_.fetch_add(1, std::memory_order_relaxed);
  std::string id = request_prefix_;
  id.resize(36);
  for (int i = 35; i >= 24; --i) {
    id[i] = kHex[n & 15];
    n >>= 4;
  }
  return id;
}

internal::InterpEnv Engine::Impl::Env() const {
  return internal::InterpEnv{clock_, &*random_, &options_.limits,
                             options_.record_history,
                             static_cast<bool>(options_.event_listener)};
}

void Engine::Impl::WorkerLoop() {
  std::unique_lock<std::mutex> l(mu_);
  while (true) {
    if (stopping_) return;
    Job job;
    if (TakeJob(&job)) {
      ++busy_workers_;
      l.unlock();
      RunJob(std::move(job));
      l.lock();
      --busy_workers_;
      continue;
    }
    std::optional<TimePoint> due = NextDueLocked();
    if (!due || clock_->IsManual()) {
      work_cv_.wait(l);
    } else {
      work_cv_.wait_until(l, *due);
    }
  }
}

bool Engine::Impl::PopDueTimers(TimePoint now) {
  bool any = false;
  while (!timers_.empty() && timers_.top().due <= now) {
    Timer t = timers_.top();
    timers_.pop();
    if (ExecPtr exec = t.exec.lock()) {
      Job job;
      job.kind = Job::Kind::kTimer;
      job.exec = std::move(exec);
      job.frame_id = t.frame_id;
      job.generation = t.generation;
      jobs_.push_back(std::move(job));
      any = true;
    }
  }
  return any;
}

bool Engine::Impl::TakeJob(Job* job) {
  if (!timers_.empty() || schedules_.NextDue()) {
    const TimePoint now = clock_->Now();
    PopDueTimers(now);
    PopDueSchedules(now);
  }
  if (jobs_.empty()) return false;
  *job = std::move(jobs_.front());
  jobs_.pop_front();
  return true;
}

void Engine::Impl::Push(Job job) {
  jobs_.push_back(std::move(job));
  // Manual mode has no workers, but WaitExecution may be waiting for a report
  // from another thread to make work.
  if (manual_) {
    work_cv_.notify_all();
  } else {
    work_cv_.notify_one();
  }
}

void Engine::Impl::ScheduleRun(const ExecPtr& exec) {
  {
    std::lock_guard<std::mutex> l(exec->mu);
    if (exec->queued || exec->ready.empty()) return;
    exec->queued = true;
  }
  std::lock_guard<std::mutex> l(mu_);
  Job job;
  job.exec = exec;
  Push(std::move(job));
}

size_t Engine::Impl::RunJob(Job job) {
  const ExecPtr& exec = job.exec;
  if (job.kind == Job::Kind::kTask) {
    CallTask(exec, std::move(*job.task));
    return 1;
  }
  if (job.kind == Job::Kind::kFire) {
    StartScheduled(std::move(*job.firing));
    return 1;
  }
  internal::Effects fx;
  size_t steps = 0;
  bool more = false;
  std::future<Status> commit;
  while (exec->callers_waiting.load(std::memory_order_acquire) > 0)
    std::this_thread::yield();
  {
    std::lock_guard<std::mutex> l(exec->mu);
    if (exec->stalled) return 1;
    internal::Interpreter interp(exec.get(), Env(), &fx);
    if (job.kind == Job::Kind::kTimer) {
      interp.OnTimer(job.frame_id, job.generation);
    } else {
      exec->queued = false;
    }
    // A slice of steps, then the lock goes: Stop, Describe, List and Wait
    // answer while a loop runs, and other executions get their turn.
    steps = interp.RunReadyFrames();
    more = !exec->ready.empty();
    if (exec->journaled) commit = QueueCommit(*exec, fx);
  }
  // With a store, nothing of the activation leaves the engine (task calls,
  // timers, child starts, waiters woken) before it is committed.
  if (commit.valid() && !AwaitCommit(exec, commit).ok()) return 1;
  Apply(exec, std::move(fx));
  if (more) ScheduleRun(exec);
  return std::max<size_t>(steps, 1);
}

void Engine::Impl::DeliverEvents(const ExecPtr& exec) {
  if (!options_.event_listener) return;
  std::vector<std::pair<int64_t, internal::Event>> batch;
  {
    std::lock_guard<std::mutex> l(exec->mu);
    if (exec->delivering || exec->undelivered.empty()) return;
    exec->delivering = true;
  }
  // One thread at a time per execution, so the listener hears its events in
  // order; events added meanwhile by other threads are picked up here.
  while (true) {
    bool ended = false;
    {
      std::lock_guard<std::mutex> l(exec->mu);
      batch.clear();
      batch.swap(exec->undelivered);
      if (batch.empty()) {
        exec->delivering = false;
        ended = exec->ended();
      }
    }
    if (batch.empty()) {
      if (ended) {
        // WaitExecution waits for the last events to be heard.
        std::lock_guard<std::mutex> l(mu_);
        done_cv_.notify_all();
      }
      return;
    }
    for (const auto& [id, e] : batch) {
      // The texts live in the execution's arena, which outlives its events.
      options_.event_listener(
          ExecutionEvent{exec->flow_name, exec->name, ToHistoryEvent(id, e)});
    }
  }
}

void Engine::Impl::Apply(const ExecPtr& exec, internal::Effects fx) {
  DeliverEvents(exec);
  if (fx.timers.empty() && fx.tasks.empty() && fx.finished_tokens.empty() &&
      fx.child_starts.empty() && fx.child_stops.empty() && !fx.finished) {
    return;
  }
  {
    std::lock_guard<std::mutex> l(mu_);
    for (const internal::TimerRequest& t : fx.timers) {
      timers_.push(Timer{t.due, timer_seq_++, exec, t.frame_id, t.generation});
    }
    for (const std::string& token : fx.finished_tokens) {
      auto it = tasks_.find(token);
      if (it != tasks_.end()) it->second.done = true;
    }
    for (internal::TaskCall& call : fx.tasks) {
      tasks_[call.request.task_token] =
          TaskRecord{exec, call.frame_id, call.generation, -1};
      Job job;
      job.kind = Job::Kind::kTask;
      job.exec = exec;
      job.task = std::make_unique<internal::TaskCall>(std::move(call));
      Push(std::move(job));
    }
    for (const internal::ChildStart& c : fx.child_starts) {
      tasks_[c.token] = TaskRecord{exec, c.frame_id, c.generation, c.slot};
    }
    if (!fx.timers.empty() && !manual_) work_cv_.notify_all();
    if (fx.finished && running_executions_ > 0) --running_executions_;
  }
  for (internal::ChildStart& c : fx.child_starts)
    LaunchChild(exec, std::move(c));
  for (const std::string& name : fx.child_stops) {
    // The Map that started it has ended (failed, was cancelled, or its
    // execution ended).
    (void)StopExecution(
        {exec->flow_name, name, "FnF.Cancelled",
         "the distributed Map that started this execution has ended"});
  }
  if (fx.finished) {
    done_cv_.notify_all();
    if (manual_) {
      // A manual-mode WaitExecution on another thread waits on work_cv_.
      std::lock_guard<std::mutex> l(mu_);
      work_cv_.notify_all();
    }
    if (!exec->callback_token.empty()) ReportToParent(*exec);
  }
}

void Engine::Impl::ReportToParent(const ExecutionRt& exec) {
  // docs/behaviour.md: the parent's task hears of the end as if ReportTask* had
  // been called.
  internal::TaskOutcome outcome;
  std::string token;
  {
    std::lock_guard<std::mutex> l(const_cast<ExecutionRt&>(exec).mu);
    token = exec.callback_token;
    if (exec.status == ExecutionStatus::kSucceeded) {
      outcome.succeeded = true;
      outcome.output = internal::ParseJson(exec.output).value;
    } else {
      outcome.error = internal::FlowError{exec.error_code, exec.error_message};
    }
  }
  (void)ReportTask(token, std::move(outcome));
}

void Engine::Impl::CallTask(const ExecPtr& exec, internal::TaskCall call) {
  // Handler matching: state name, then resource ARN, then action (API.md).
  std::optional<TaskResult> result;
  TaskHandler handler, fallback;
  {
    std::lock_guard<std::mutex> l(mu_);
    result = mocks_.Next(call.request.state_name);
    if (!result) {
      for (const std::string* key :
           {&call.request.state_name, &call.request.resource_arn,
            &call.request.action}) {
        if (key->empty()) continue;
        auto it = handlers_.find(*key);
        if (it != handlers_.end()) {
          handler = it->second;
          break;
        }
      }
      if (!handler) fallback = default_handler_;
    }
  }
  if (!result && handler) result = handler(call.request);
  if (!result) result = StartChildFlow(call, exec->depth);
  if (!result && fallback) result = fallback(call.request);
  if (!result) {
    result =
        TaskResult::Failed(std::string(internal::kErrTaskFailed),
                           StrCat("no task handler is registered for state '",
                                  call.request.state_name, "', resource '",
                                  call.request.resource_arn, "' or action '",
                                  call.request.action, "'"));
  }
  if (result->kind == TaskResult::Kind::kPending) {
    if (exec->journaled) NoteDispatched(call.request.task_token);
    return;
  }
  internal::TaskOutcome outcome;
  if (result->kind == TaskResult::Kind::kSucceeded) {
    internal::JsonParseResult parsed = internal::ParseJson(result->output);
    if (!parsed.ok || (!parsed.value.is_object() && !call.legacy)) {
      outcome.error = internal::FlowError{
          std::string(internal::kErrTaskFailed),
          parsed.ok
              ? StrCat("the task output must be a JSON object, got ",
                       parsed.value.type_name())
              : StrCat("the task output is not valid JSON: ", parsed.error)};
    } else {
      outcome.succeeded = true;
      outcome.output = std::move(parsed.value);
    }
  } else {
    // Host code may hand back any bytes; history and output are JSON text.
    outcome.error = internal::FlowError{
        result->error.empty() ? std::string(internal::kErrTaskFailed)
                              : internal::ToValidUtf8(result->error),
        internal::ToValidUtf8(result->cause)};
  }
  (void)ReportTask(call.request.task_token, std::move(outcome));
}

std::optional<TaskResult> Engine::Impl::StartChildFlow(
    const internal::TaskCall& call, int parent_depth) {
  // The action FNF:StartExecution (legacy flows spell it fnf:StartExecution),
  // and a legacy resourceArn acs:fnf:::flow/<name>.
  const TaskRequest& req = call.request;
  static const std::regex kFlowArn(
      "^acs:fnf:[^:]*:[^:]*:flow/([A-Za-z_][A-Za-z0-9_-]*)$");
  std::smatch m;
  const bool by_action =
      absl::EqualsIgnoreCase(req.action, "FNF:StartExecution");
  const bool builtin =
      by_action ||
      (req.action.empty() && std::regex_match(req.resource_arn, m, kFlowArn));
  if (!builtin) return std::nullopt;
  Json params = internal::ParseJson(req.parameters).value;
  StartExecutionRequest child;
  if (std::regex_match(req.resource_arn, m, kFlowArn)) {
    child.flow_name = m[1].str();
  } else if (call.legacy) {
    // A legacy `action: fnf:StartExecution` names the flow as the API's
    // StartExecution does, in serviceParams.FlowName.
    const Json* flow = params.Find("FlowName");
    if (flow == nullptr) flow = params.Find("flowName");
    if (flow == nullptr || !flow->is_string() || flow->as_string().empty()) {
      return TaskResult::Failed(
          std::string(internal::kErrTaskFailed),
          StrCat(req.action,
                 " needs serviceParams.FlowName, the name of the flow to "
                 "start, got ",
                 flow == nullptr ? "nothing" : flow->Serialize()));
    }
    child.flow_name = flow->as_string();
  } else {
    return TaskResult::Failed(
        std::string(internal::kErrTaskFailed),
        StrCat("FNF:StartExecution needs Parameters.resourceArn of the form "
               "acs:fnf:<region>::flow/<name>, got '",
               req.resource_arn, "'"));
  }
  // Legacy serviceParams spell them Input and ExecutionName
  // (docs/legacy-fdl.md); the lower-case forms work there too.
  std::string name_key = "executionName", input_key = "input";
  if (call.legacy && params.Find(name_key) == nullptr) {
    name_key = "ExecutionName";
  }
  if (call.legacy && params.Find(input_key) == nullptr) input_key = "Input";
  if (const Json* n = params.Find(name_key); n && n->is_string()) {
    child.execution_name = n->as_string();
  } else if (n != nullptr && call.legacy) {
    // docs/legacy-fdl.md: the path must name a key of the step input.
    return TaskResult::Failed(
        std::string(internal::kErrTaskFailed),
        StrCat("serviceParams.", name_key, " must be a string, got ",
               n->type_name()));
  }
  if (const Json* in = params.Find(input_key)) {
    child.input = in->is_string() ? in->as_string() : in->Serialize();
  } else {
    child.input = req.input;
  }
  const bool wait_for_child =
      req.task_mode == "WaitForSystemCallback" || req.task_mode == "sync";
  if (wait_for_child) child.callback_fnf_task_token = req.task_token;
  if (wait_for_child && req.delivery > 1) {
    // Delivered again after a restart: the child may have been started (and
    // committed) before the process died; it must not start twice.
    std::lock_guard<std::mutex> l(mu_);
    if (children_by_token_.count(req.task_token)) {
      auto it = tasks_.find(req.task_token);
      if (it != tasks_.end()) it->second.by_child = true;
      return TaskResult::Pending();
    }
  }
  // A flow that starts itself would otherwise nest without end.
  if (parent_depth >= options_.limits.child_flow_depth) {
    return TaskResult::Failed(
        std::string(internal::kErrTaskFailed),
        StrCat("child flows nest more than ", options_.limits.child_flow_depth,
               " levels (Limits::child_flow_depth)"));
  }
  StatusOr<Execution> started = StartExecution(child, false, parent_depth + 1);
  if (!started.ok()) {
    return TaskResult::Failed(started.status().code(),
                              started.status().message());
  }
  if (wait_for_child) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = tasks_.find(req.task_token);
    if (it != tasks_.end()) it->second.by_child = true;
  }
  if (wait_for_child || req.task_mode == "WaitForCustomCallback" ||
      req.task_mode == "waitForCallback") {
    return TaskResult::Pending();
  }
  Json::Object out;
  out.emplace_back("FlowName", Json(started->flow_name));
  out.emplace_back("ExecutionName", Json(started->name));
  out.emplace_back("RequestID", Json(started->request_id));
  return TaskResult::Succeeded(Json(std::move(out)).Serialize());
}

Status Engine::Impl::ReportTask(std::string_view token,
                                internal::TaskOutcome outcome) {
  ExecPtr exec;
  uint64_t frame_id = 0, generation = 0;
  int slot = -1;
  bool unknown = false, before_resume = false;
  {
    std::lock_guard<std::mutex> l(mu_);
    auto it = tasks_.find(std::string(token));
    if (it == tasks_.end()) {
      unknown = true;
      before_resume = store_ && !resumed_ && !dormant_.empty();
    } else if (it->second.done) {
      return Status(
          ErrorCode::kTaskAlreadyCompleted,
          StrCat("Task ", internal::Excerpt(token), " has already completed."));
    } else {
      exec = it->second.exec.lock();
      it->second.done = true;
      frame_id = it->second.frame_id;
      generation = it->second.generation;
      slot = it->second.slot;
      ++reports_in_flight_;
    }
  }
  if (unknown) {
    // With a store, a token answered before a restart is still known there.
    if (store_ && StoredTaskDone(std::string(token))) {
      return Status(
          ErrorCode::kTaskAlreadyCompleted,
          StrCat("Task ", internal::Excerpt(token), " has already completed."));
    }
    if (before_resume) {
      return Status(ErrorCode::kPreconditionFailed,
                    StrCat("Task token '", internal::Excerpt(token),
                           "' is not known yet: the engine has not resumed "
                           "the executions of its store (call "
                           "Engine::Resume())."));
    }
    return Invalid(
        StrCat("Task token '", internal::Excerpt(token), "' is not valid."));
  }

  // Whatever happens below, a manual-mode WaitExecution hears of it.
  struct InFlight {
    Impl* impl;
    ~InFlight() {
      std::lock_guard<std::mutex> l(impl->mu_);
      --impl->reports_in_flight_;
      impl->work_cv_.notify_all();
    }
  } in_flight{this};
  if (!exec) {
    return Status(ErrorCode::kTaskAlreadyCompleted,
                  StrCat("Task ", token, " has already completed."));
  }
  internal::Effects fx;
  bool accepted;
  std::future<Status> commit;
  {
    auto l = LockForCall(*exec);
    if (exec->stalled) {
      return Status(ErrorCode::kInternalServerError,
                    StrCat("Task ", internal::Excerpt(token),
                           ": its execution could not be written to the "
                           "store and is stopped in this process."));
    }
    internal::Interpreter interp(exec.get(), Env(), &fx);
    accepted = slot >= 0 ? interp.OnChildResult(frame_id, generation, slot,
                                                std::move(outcome))
                         : interp.OnTaskResult(frame_id, generation,
                                               std::move(outcome));
    if (exec->journaled) {
      commit = QueueCommit(*exec, fx, {std::string(token)});
    }
  }
  if (commit.valid()) {
    // The report is accepted once it is committed.
    if (Status s = AwaitCommit(exec, commit); !s.ok()) return s;
  }
  Apply(exec, std::move(fx));
  if (!accepted) {
    return Status(ErrorCode::kTaskAlreadyCompleted,
                  StrCat("Task ", token, " has already completed."));
  }
  ScheduleRun(exec);
  return Status();
}

Status Engine::Impl::ReportTaskSucceeded(std::string_view token,
                                         std::string_view output_json) {
  if (output_json.size() > options_.limits.request_bytes) {
    return TooLarge(options_.limits.request_bytes);
  }
  StatusOr<Json> output = ParseObject("Output", output_json);
  if (!output.ok()) return output.status();
  internal::TaskOutcome outcome;
  outcome.succeeded = true;
  outcome.output = std::move(*output);
  return ReportTask(token, std::move(outcome));
}

Status Engine::Impl::ReportTaskFailed(std::string_view token,
                                      std::string_view error,
                                      std::string_view cause) {
  if (Status s = CheckErrorAndCause(error, cause); !s.ok()) return s;
  internal::TaskOutcome outcome;
  outcome.error =
      internal::FlowError{error.empty() ? std::string(internal::kErrTaskFailed)
                                        : std::string(error),
                          std::string(cause)};
  return ReportTask(token, std::move(outcome));
}

void Engine::Impl::SetDefaultTaskHandler(TaskHandler handler) {
  std::lock_guard<std::mutex> l(mu_);
  default_handler_ = std::move(handler);
}

void Engine::Impl::RegisterTaskHandler(std::string key, TaskHandler handler) {
  std::lock_guard<std::mutex> l(mu_);
  handlers_[std::move(key)] = std::move(handler);
}

Status Engine::Impl::LoadMocks(std::string_view text) {
  internal::MockTable table;
  Status s = table.Load(text);
  if (!s.ok()) return s;
  std::lock_guard<std::mutex> l(mu_);
  mocks_ = std::move(table);
  return Status();
}

size_t Engine::Impl::RunReady() {
  if (!manual_) return 0;
  // Bounded work: a flow that loops for ever (a host may raise the transition
  // limit) must not keep the host's thread; what is left stays queued for the
  // next call.
  constexpr size_t kMaxStepsPerCall = 10000;
  size_t jobs = 0, steps = 0;
  while (steps < kMaxStepsPerCall) {
    Job job;
    {
      std::lock_guard<std::mutex> l(mu_);
      if (!TakeJob(&job)) break;
    }
    steps += RunJob(std::move(job));
    ++jobs;
  }
  return jobs;
}

bool Engine::Impl::TimerIsStale(const Timer& t) {
  ExecPtr exec = t.exec.lock();
  if (!exec) return true;
  std::lock_guard<std::mutex> l(exec->mu);
  if (exec->ended()) return true;
  if (t.frame_id == 0) return t.generation != exec->timeout_generation;
  auto it = exec->frames.find(t.frame_id);
  return it == exec->frames.end() || it->second->generation != t.generation ||
         it->second->phase != internal::Frame::Phase::kWaiting;
}

void Engine::Impl::DropStaleTimers() const {
  // Timers of waits that ended another way (a task that answered before its
  // timeout, a stopped execution) stay in the heap until due; a host that asks
  // when to wake up should not be told about them.
  while (!timers_.empty() && TimerIsStale(timers_.top())) timers_.pop();
}

size_t Engine::Impl::RunUntilIdle(std::optional<TimePoint> until) {
  size_t steps = RunReady();
  auto* clock = dynamic_cast<ManualClock*>(clock_);
  if (!manual_ || clock == nullptr) return steps;
  while (true) {
    std::optional<TimePoint> next = NextWakeupTime();
    if (!next || (until && *next > *until)) return steps;
    clock->Set(*next);
    steps += RunReady();
  }
}

bool Engine::Impl::AwaitsReport() const {
  if (reports_in_flight_ > 0) return true;
  // Distributed Map iterations (slot >= 0) and waited-for child flows are
  // child executions of this engine, not reports from outside: what could
  // move them is counted on the children's own tasks.
  for (const auto& [token, task] : tasks_) {
    if (!task.done && task.slot < 0 && !task.by_child && !task.exec.expired())
      return true;
  }
  return false;
}

std::optional<TimePoint> Engine::Impl::NextDueLocked() const {
  DropStaleTimers();
  std::optional<TimePoint> due = schedules_.NextDue();
  if (!timers_.empty() && (!due || timers_.top().due < *due)) {
    due = timers_.top().due;
  }
  return due;
}

std::optional<TimePoint> Engine::Impl::NextWakeupTime() const {
  std::lock_guard<std::mutex> l(mu_);
  return NextDueLocked();
}

// ---------------------------------------------------------------------------------------------
// Flows.

Status Engine::Impl::FlowNotFound(std::string_view name) const {
  return Status(ErrorCode::kFlowNotExists,
                StrCat("Flow ", internal::Excerpt(name), " does not exist."));
}

Engine::Impl::FlowEntry* Engine::Impl::FindFlow(std::string_view name) {
  auto it = flows_.find(name);
  return it == flows_.end() ? nullptr : it->second.get();
}

namespace {

// A CloudFlow definition's Name must be a name CreateFlow accepts: checked by
// ValidateDefinition and CreateFlow alike, so they agree on the text.
std::optional<Diagnostic> DefinitionNameProblem(
    const internal::CompiledFlow& flow) {
  if (flow.dialect != internal::Dialect::kCloudFlow || flow.name.empty())
    return std::nullopt;
  std::string e = internal::CheckResourceName("Name", flow.name);
  if (e.empty()) return std::nullopt;
  Diagnostic d;
  d.message = std::move(e);  // names the field itself
  return d;
}

}  // namespace

std::vector<Diagnostic> Engine::Impl::ValidateDefinition(
    std::string_view definition) const {
  internal::CompileOptions copts{&options_.limits, false};
  internal::CompileResult r = internal::CompileDefinition(definition, copts);
  if (r.flow) {
    if (std::optional<Diagnostic> d = DefinitionNameProblem(*r.flow))
      r.diagnostics.push_back(std::move(*d));
  }
  return std::move(r.diagnostics);
}

namespace {

struct CompiledOrStatus {
  std::shared_ptr<const internal::CompiledFlow> flow;
  Status status;
};

CompiledOrStatus CompileFor(std::string_view flow_name,
                            std::string_view definition, bool express,
                            const Limits& limits) {
  if (definition.size() > limits.request_bytes)
    return {nullptr, TooLarge(limits.request_bytes)};
  if (definition.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return {nullptr, Invalid("Definition must not be empty")};
  }
  internal::CompileOptions copts{&limits, express};
  internal::CompileResult r = internal::CompileDefinition(definition, copts);
  if (!r.flow) {
    return {nullptr, Invalid(StrCat("Invalid flow definition: ",
                                    JoinDiagnostics(r.diagnostics)))};
  }
  if (std::optional<Diagnostic> d = DefinitionNameProblem(*r.flow)) {
    return {nullptr, Invalid(StrCat("Invalid flow definition: ",
                                    JoinDiagnostics({*d})))};
  }
  if (r.flow->dialect == internal::Dialect::kCloudFlow &&
      !r.flow->name.empty() && r.flow->name != flow_name) {
    return {
        nullptr,
        Invalid(StrCat("Invalid flow definition: Name: the definition's Name '",
                       r.flow->name, "' differs from the flow name '",
                       flow_name, "'"))};
  }
  return {r.flow, Status()};
}

}  // namespace

StatusOr<Flow> Engine::Impl::CreateFlow(const CreateFlowRequest& request) {
  if (std::string e = internal::CheckResourceName("Name", request.name);
      !e.empty()) {
    return Invalid(e);
  }
  std::string mode =
      request.execution_mode.empty() ? "Standard" : request.execution_mode;
  if (mode != "Standard" && mode != "Express") {
    return Invalid(StrCat("ExecutionMode '",
                          internal::Excerpt(request.execution_mode),
                          "' is invalid: expected Standard or Express"));
  }
  if (request.type != "FDL" && request.type != "DEFAULT" &&
      !request.type.empty()) {
    return Invalid(StrCat("Type '", internal::Excerpt(request.type),
                          "' is invalid: expected FDL"));
  }
  if (!store_status_.ok()) return store_status_;
  {
    std::lock_guard<std::mutex> l(mu_);
    if (FindFlow(request.name)) {
      return Status(ErrorCode::kFlowAlreadyExists,
                    StrCat("Flow ", request.name, " already exists."));
    }
  }
  CompiledOrStatus c = CompileFor(request.name, request.definition,
                                  mode == "Express", options_.limits);
  if (!c.status.ok()) return c.status;
  auto version = std::make_shared<internal::FlowVersion>();
  version->definition = request.definition;
  version->role_arn = request.role_arn;
  version->express = mode == "Express";
  version->compiled = std::move(c.flow);
  if (store_) version->hash = internal::VersionHash(*version);
  auto entry = std::make_unique<FlowEntry>();
  const TimePoint now_time = clock_->Now();
  std::string now = internal::FormatTime(now_time);
  entry->meta = Flow{request.name,
                     random_->Uuid(),
                     request.definition,
                     request.description,
                     "FDL",
                     request.role_arn,
                     mode,
                     now,
                     now};
  entry->version = std::move(version);
  std::lock_guard<std::mutex> l(mu_);
  if (FindFlow(request.name)) {
    return Status(ErrorCode::kFlowAlreadyExists,
                  StrCat("Flow ", request.name, " already exists."));
  }
  if (store_) {
    // Held under mu_: flows change rarely, and a concurrent CreateFlow of the
    // same name must see this one.
    Status s = WriteFlow(*entry, ToMs(now_time), ToMs(now_time));
    if (!s.ok()) return s;
  }
  Flow out = entry->meta;
  flows_.emplace(request.name, std::move(entry));
  return out;
}

StatusOr<Flow> Engine::Impl::UpdateFlow(const UpdateFlowRequest& request) {
  if (!store_status_.ok()) return store_status_;
  bool express;
  {
    std::lock_guard<std::mutex> l(mu_);
    FlowEntry* entry = FindFlow(request.name);
    if (!entry) return FlowNotFound(request.name);
    express = entry->version->express;
  }
  std::shared_ptr<const internal::CompiledFlow> compiled;
  if (request.definition) {
    CompiledOrStatus c =
        CompileFor(request.name, *request.definition, express, options_.limits);
    if (!c.status.ok()) return c.status;
    compiled = std::move(c.flow);
  }
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = FindFlow(request.name);
  if (!entry) return FlowNotFound(request.name);
  auto version = std::make_shared<internal::FlowVersion>(*entry->version);
  if (request.definition) {
    version->definition = *request.definition;
    version->compiled = std::move(compiled);
    entry->meta.definition = *request.definition;
  }
  if (request.role_arn) {
    version->role_arn = *request.role_arn;
    entry->meta.role_arn = *request.role_arn;
  }
  if (store_) {
    version->hash = internal::VersionHash(*version);
    FlowEntry updated;
    updated.meta = entry->meta;
    if (request.description) updated.meta.description = *request.description;
    updated.version = version;
    const TimePoint now = clock_->Now();
    auto created = internal::ParseTime(updated.meta.created_time);
    Status s =
        WriteFlow(updated, created ? ToMs(*created) : ToMs(now), ToMs(now));
    if (!s.ok()) return s;  // nothing changed
  }
  if (request.description) entry->meta.description = *request.description;
  entry->version = std::move(version);
  entry->meta.last_modified_time = internal::FormatTime(clock_->Now());
  return entry->meta;
}

StatusOr<Flow> Engine::Impl::DescribeFlow(std::string_view flow_name) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = FindFlow(flow_name);
  if (!entry) return FlowNotFound(flow_name);
  return entry->meta;
}

Status Engine::Impl::DeleteFlow(std::string_view flow_name) {
  if (!store_status_.ok()) return store_status_;
  std::unique_ptr<FlowEntry> doomed;
  {
    std::lock_guard<std::mutex> l(mu_);
    auto it = flows_.find(flow_name);
    if (it == flows_.end()) return FlowNotFound(flow_name);
    for (auto& [name, exec] : it->second->executions) {
      std::lock_guard<std::mutex> el(exec->mu);
      if (!exec->ended()) {
        return Invalid(StrCat("Flow ", flow_name, " has running executions (",
                              name, "); stop them before deleting the flow."));
      }
    }
    if (store_) {
      std::string name(flow_name);
      Status s = store_->committer().Write([name](internal::SqliteDb& db) {
        return internal::DeleteFlowRows(db, name);
      });
      if (!s.ok()) return s;
    }
    doomed = std::move(it->second);
    flows_.erase(it);
    schedules_.DeleteFlow(flow_name);
  }
  return Status();  // `doomed` and its executions are freed outside the lock
}

StatusOr<Page<Flow>> Engine::Impl::ListFlows(const ListRequest& request) {
  const Limits& lim = options_.limits;
  if (request.limit < 0 || request.limit > lim.list_flows_max) {
    return Invalid(StrCat("Limit ", request.limit,
                          " is invalid: it must be 1 to ", lim.list_flows_max));
  }
  size_t limit = request.limit == 0 ? lim.list_default : request.limit;
  Page<Flow> page;
  std::lock_guard<std::mutex> l(mu_);
  for (auto it = flows_.lower_bound(request.next_token); it != flows_.end();
       ++it) {
    if (!request.name_prefix.empty() &&
        !absl::StartsWith(it->first, request.name_prefix)) {
      continue;
    }
    if (page.items.size() == limit) {
      page.next_token = it->first;
      break;
    }
    page.items.push_back(it->second->meta);
  }
  return page;
}

// ---------------------------------------------------------------------------------------------
// Executions.

Execution Engine::Impl::Snapshot(const ExecutionRt& exec) {
  Execution e;
  e.flow_name = exec.flow_name;
  e.name = exec.name;
  e.flow_definition = exec.version->definition;
  e.input = exec.input_text;
  e.output = exec.output;
  e.status = exec.status;
  e.started_time = FormatMs(exec.started_ms);
  if (exec.ended()) e.stopped_time = FormatMs(exec.stopped_ms);
  e.error_code = exec.error_code;
  e.error_message = exec.error_message;
  return e;
}

Engine::Impl::ExecPtr Engine::Impl::FindExecution(
    std::string_view flow_name, std::string_view execution_name,
    Status* status) {
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = FindFlow(flow_name);
  if (!entry) {
    *status = FlowNotFound(flow_name);
    return nullptr;
  }
  auto it = entry->executions.find(execution_name);
  if (it == entry->executions.end()) {
    *status = Status(
        ErrorCode::kExecutionNotExists,
        StrCat("Execution ", internal::Excerpt(execution_name), " for flow ",
               internal::Excerpt(flow_name), " does not exist."));
    return nullptr;
  }
  return it->second;
}

std::string Engine::Impl::RunningLimitProblem() const {
  if (running_executions_ < options_.limits.running_executions) return "";
  return StrCat("the engine already runs ", running_executions_,
                " executions, its limit (Limits::running_executions)");
}

StatusOr<Execution> Engine::Impl::StartExecution(
    const StartExecutionRequest& request, bool sync, int depth) {
  const Limits& lim = options_.limits;
  if (request.input.size() > lim.request_bytes)
    return TooLarge(lim.request_bytes);
  if (!request.execution_name.empty()) {
    if (std::string e = internal::CheckResourceName("ExecutionName",
                                                    request.execution_name);
        !e.empty()) {
      return Invalid(e);
    }
  }
  StatusOr<Json> input = ParseObject("Input", request.input);
  if (!input.ok()) return input.status();
  if (!sync && !store_status_.ok()) return store_status_;

  auto exec = std::make_shared<ExecutionRt>();
  exec->flow_name = request.flow_name;
  exec->input = std::move(*input);
  exec->input_text = exec->input.Serialize();
  exec->callback_token = request.callback_fnf_task_token;
  const std::string request_id = NewRequestId();
  {
    std::lock_guard<std::mutex> l(mu_);
    FlowEntry* entry = FindFlow(request.flow_name);
    if (!entry) return FlowNotFound(request.flow_name);
    if (entry->version->express != sync) {
      return Status(
          ErrorCode::kActionNotSupported,
          sync ? StrCat("Standard execution is not supported by "
                        "StartSyncExecution: flow ",
                        request.flow_name,
                        " is in Standard mode; use StartExecution.")
               : StrCat("Express execution is not supported by StartExecution: "
                        "flow ",
                        request.flow_name,
                        " is in Express mode; use StartSyncExecution."));
    }
    std::string name = request.execution_name;
    if (sync) {
      // Express names need not be unique: the service appends a UUID
      // (docs/behaviour.md).
      name =
          StrCat(name.empty() ? random_->Uuid() : name, ":", random_->Uuid());
    } else if (name.empty()) {
      do {
        name = random_->Uuid();
      } while (entry->executions.count(name));
    } else if (auto it = entry->executions.find(name);
               it != entry->executions.end()) {
      std::lock_guard<std::mutex> el(it->second->mu);
      if (!it->second->ended()) {
        Execution e = Snapshot(*it->second);
        e.request_id = request_id;
        return e;
      }
      return Status(ErrorCode::kExecutionAlreadyExists,
                    StrCat("Execution ", name, " for flow ", request.flow_name,
                           " already exists."));
    }
    if (std::string problem = RunningLimitProblem(); !problem.empty())
      return Status(ErrorCode::kResourceThrottled, std::move(problem));
    exec->name = std::move(name);
    exec->version = entry->version;
    exec->journaled = store_ != nullptr && !sync;
    exec->started_ms = ToMs(clock_->Now());
    exec->seq = ++exec_seq_;
    exec->depth = depth;
    entry->executions.emplace(exec->name, exec);
    ++running_executions_;
  }
  Status committed;
  Execution result = Launch(exec, sync, &committed);
  if (!committed.ok()) return committed;
  if (sync) {
    Drive(exec, std::chrono::steady_clock::time_point::max());
    std::lock_guard<std::mutex> l(exec->mu);
    result = Snapshot(*exec);
  }
  result.request_id = request_id;
  return result;
}

Execution Engine::Impl::Launch(const ExecPtr& exec, bool express_bound,
                               Status* commit_status) {
  internal::Effects fx;
  Execution result;
  std::future<Status> commit;
  {
    std::lock_guard<std::mutex> l(exec->mu);
    internal::Interpreter interp(exec.get(), Env(), &fx);
    interp.Start();
    if (express_bound && !exec->version->compiled->timeout_seconds) {
      // Express executions last at most five minutes (docs/cloudflow.md).
      exec->timeout_due_ms =
          exec->started_ms +
          options_.limits.express_execution_max_seconds * 1000;
      fx.timers.push_back(internal::TimerRequest{
          TimePoint(std::chrono::milliseconds(exec->timeout_due_ms)), 0,
          exec->timeout_generation});
    }
    exec->queued = true;
    result = Snapshot(*exec);
    if (exec->journaled) commit = QueueCommit(*exec, fx);
  }
  if (commit.valid()) {
    Status s = AwaitCommit(exec, commit);
    if (!s.ok()) {
      // Not accepted: it never existed.
      std::lock_guard<std::mutex> l(mu_);
      if (FlowEntry* entry = FindFlow(exec->flow_name)) {
        auto it = entry->executions.find(exec->name);
        if (it != entry->executions.end() && it->second == exec)
          entry->executions.erase(it);
      }
      if (running_executions_ > 0) --running_executions_;
      if (commit_status) *commit_status = std::move(s);
      return result;
    }
  }
  Apply(exec, std::move(fx));
  std::lock_guard<std::mutex> l(mu_);
  Job job;
  job.exec = exec;
  Push(std::move(job));
  return result;
}

void Engine::Impl::LaunchChild(const ExecPtr& parent, internal::ChildStart c) {
  auto exec = std::make_shared<ExecutionRt>();
  exec->flow_name = parent->flow_name;
  exec->name = c.name;
  exec->version = internal::ChildVersion(parent->version, *c.map_state);
  exec->journaled = parent->journaled && !exec->version->express;
  exec->input = std::move(c.input);
  exec->input_text = exec->input.Serialize();
  exec->callback_token = c.token;
  std::string problem;
  {
    std::lock_guard<std::mutex> l(mu_);
    FlowEntry* entry = FindFlow(exec->flow_name);
    exec->depth = parent->depth + 1;
    if (entry == nullptr) {
      problem = StrCat("flow ", exec->flow_name, " no longer exists");
    } else if (exec->depth > options_.limits.child_flow_depth) {
      problem = StrCat("child flows nest more than ",
                       options_.limits.child_flow_depth,
                       " levels (Limits::child_flow_depth)");
    } else if (std::string limit = RunningLimitProblem(); !limit.empty()) {
      problem = std::move(limit);
    } else if (!entry->executions.emplace(exec->name, exec).second) {
      problem = StrCat("execution ", exec->name, " already exists");
    } else {
      exec->started_ms = ToMs(clock_->Now());
      exec->seq = ++exec_seq_;
      ++running_executions_;
    }
  }
  if (!problem.empty()) {
    internal::TaskOutcome outcome;
    outcome.error = internal::FlowError{"FnF.InternalError", problem};
    (void)ReportTask(c.token, std::move(outcome));
    return;
  }
  Launch(exec, false);
}

void Engine::Impl::Drive(const ExecPtr& exec,
                         std::chrono::steady_clock::time_point deadline) {
  // Ended, and every event heard by the event listener.
  auto ended = [&] {
    auto l = LockForCall(*exec);
    return exec->ended() && !exec->delivering && exec->undelivered.empty();
  };
  if (!manual_) {
    std::unique_lock<std::mutex> l(mu_);
    while (!stopping_) {
      l.unlock();
      bool done = ended();
      l.lock();
      if (done) return;
      if (deadline == std::chrono::steady_clock::time_point::max()) {
        done_cv_.wait(l);
      } else if (done_cv_.wait_until(l, deadline) == std::cv_status::timeout) {
        return;
      }
    }
    return;
  }
  // Manual mode: the caller's thread does the work.
  while (true) {
    RunReady();
    if (ended()) return;
    std::unique_lock<std::mutex> l(mu_);
    // The deadline first: an execution that keeps making work (a loop) must
    // not keep the caller past its timeout.
    if (std::chrono::steady_clock::now() >= deadline) return;
    if (!jobs_.empty()) continue;
    if (clock_->IsManual()) {
      // Time moves only when the host says so; what may still come is a task
      // report from another thread. Without one nothing can move the
      // execution: return now rather than block until the deadline.
      if (!AwaitsReport()) return;
      if (deadline == std::chrono::steady_clock::time_point::max()) {
        work_cv_.wait_for(l, std::chrono::milliseconds(50));
      } else {
        work_cv_.wait_until(l, deadline);
      }
    } else if (std::optional<TimePoint> due = NextDueLocked()) {
      auto wait = *due - clock_->Now();
      work_cv_.wait_until(
          l, std::min(deadline,
                      std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<
                              std::chrono::steady_clock::duration>(wait)));
    } else {
      work_cv_.wait_until(l, deadline);
    }
  }
}

StatusOr<Execution> Engine::Impl::DescribeExecution(
    std::string_view flow_name, std::string_view execution_name) {
  Status status;
  ExecPtr exec = FindExecution(flow_name, execution_name, &status);
  if (!exec) return status;
  auto l = LockForCall(*exec);
  Execution e = Snapshot(*exec);
  e.request_id = NewRequestId();
  return e;
}

StatusOr<Execution> Engine::Impl::WaitExecution(
    std::string_view flow_name, std::string_view execution_name,
    std::chrono::milliseconds timeout) {
  Status status;
  ExecPtr exec = FindExecution(flow_name, execution_name, &status);
  if (!exec) return status;
  auto deadline = timeout.count() <= 0
                      ? std::chrono::steady_clock::now()
                      : std::chrono::steady_clock::now() + timeout;
  Drive(exec, deadline);
  auto l = LockForCall(*exec);
  Execution e = Snapshot(*exec);
  e.request_id = NewRequestId();
  return e;
}

StatusOr<Execution> Engine::Impl::StopExecution(
    const StopExecutionRequest& request) {
  if (Status s = CheckErrorAndCause(request.error, request.cause); !s.ok())
    return s;
  Status status;
  ExecPtr exec =
      FindExecution(request.flow_name, request.execution_name, &status);
  if (!exec) return status;
  internal::Effects fx;
  Execution result;
  std::future<Status> commit;
  {
    auto l = LockForCall(*exec);
    if (exec->ended()) {
      return Status(
          ErrorCode::kExecutionAlreadyCompleted,
          StrCat("Execution '", internal::Excerpt(request.execution_name),
                 "' for flow '", internal::Excerpt(request.flow_name),
                 "' has already completed."));
    }
    internal::Interpreter interp(exec.get(), Env(), &fx);
    interp.Stop(request.error, request.cause);
    result = Snapshot(*exec);
    if (exec->journaled) commit = QueueCommit(*exec, fx);
  }
  if (commit.valid()) {
    if (Status s = AwaitCommit(exec, commit); !s.ok()) return s;
  }
  Apply(exec, std::move(fx));
  result.request_id = NewRequestId();
  return result;
}

StatusOr<Page<Execution>> Engine::Impl::ListExecutions(
    const ListRequest& request) {
  const Limits& lim = options_.limits;
  if (request.limit < 0 || request.limit > lim.list_executions_max) {
    return Invalid(StrCat("Limit ", request.limit,
                          " is invalid: it must be 1 to ",
                          lim.list_executions_max));
  }
  std::optional<ExecutionStatus> want;
  if (!request.status.empty()) {
    want = ParseStatus(request.status);
    if (!want) {
      return Invalid(
          StrCat("Status '", internal::Excerpt(request.status),
                 "' is invalid: expected one of Starting, Running, Stopped, "
                 "Succeeded, Failed, TimedOut"));
    }
  }
  // Tokens are opaque: any name a page can end at (a generated UUID may start
  // with a digit, an Express name holds ':'), so only the length is checked.
  if (request.next_token.size() > kMaxNextTokenBytes) {
    return Invalid(StrCat("NextToken is ", request.next_token.size(),
                          " bytes long; a token from a previous page is at "
                          "most ",
                          kMaxNextTokenBytes));
  }
  size_t limit = request.limit == 0 ? lim.list_default : request.limit;
  std::vector<ExecPtr> candidates;
  std::string next_token;
  Page<Execution> page;
  std::lock_guard<std::mutex> l(mu_);
  FlowEntry* entry = FindFlow(request.flow_name);
  if (!entry) return FlowNotFound(request.flow_name);
  auto it = entry->executions.lower_bound(
      std::max(request.next_token, request.name_prefix));
  for (; it != entry->executions.end(); ++it) {
    if (!it->first.starts_with(request.name_prefix)) break;
    auto el = LockForCall(*it->second);
    if (want && it->second->status != *want) continue;
    if (page.items.size() == limit) {
      page.next_token = it->first;
      break;
    }
    page.items.push_back(Snapshot(*it->second));
  }
  return page;
}

StatusOr<Page<HistoryEvent>> Engine::Impl::GetExecutionHistory(
    std::string_view flow_name, std::string_view execution_name, int limit,
    const std::string& next_token) {
  const Limits& lim = options_.limits;
  if (limit < 0 || limit > lim.history_max) {
    return Invalid(StrCat("Limit ", limit, " is invalid: it must be 1 to ",
                          lim.history_max));
  }
  int64_t from = 1;
  if (!next_token.empty() &&
      (!absl::SimpleAtoi(next_token, &from) || from < 1)) {
    return Invalid(
        StrCat("NextToken '", internal::Excerpt(next_token),
               "' is invalid: it must be an event id from a previous page"));
  }
  Status status;
  ExecPtr exec = FindExecution(flow_name, execution_name, &status);
  if (!exec) return status;
  size_t n = limit == 0 ? lim.list_default : limit;
  Page<HistoryEvent> page;
  auto l = LockForCall(*exec);
  const std::vector<internal::Event>& h = exec->history;
  // history[i] is event i + 1.
  for (size_t i = static_cast<size_t>(from - 1); i < h.size(); ++i) {
    const int64_t id = static_cast<int64_t>(i) + 1;
    if (page.items.size() == n) {
      page.next_token = std::to_string(id);
      break;
    }
    const internal::Event& e = h[i];
    page.items.push_back(
        HistoryEvent{id, e.schedule_id, std::string(e.step_name()),
                     std::string(internal::EventTypeName(e.type)),
                     FormatMs(e.time_ms), internal::RenderDetail(e)});
  }
  return page;
}

// ---------------------------------------------------------------------------------------------
// Engine: forwards to Impl.

Engine::Engine(EngineOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
Engine::~Engine() = default;

StatusOr<Flow> Engine::CreateFlow(const CreateFlowRequest& r) {
  return impl_->CreateFlow(r);
}
StatusOr<Flow> Engine::UpdateFlow(const UpdateFlowRequest& r) {
  return impl_->UpdateFlow(r);
}
StatusOr<Flow> Engine::DescribeFlow(std::string_view n) {
  return impl_->DescribeFlow(n);
}
Status Engine::DeleteFlow(std::string_view n) { return impl_->DeleteFlow(n); }
StatusOr<Page<Flow>> Engine::ListFlows(const ListRequest& r) {
  return impl_->ListFlows(r);
}
std::vector<Diagnostic> Engine::ValidateDefinition(std::string_view d) const {
  return impl_->ValidateDefinition(d);
}
StatusOr<Execution> Engine::StartExecution(const StartExecutionRequest& r) {
  return impl_->StartExecution(r, false);
}
StatusOr<Execution> Engine::StartSyncExecution(const StartExecutionRequest& r) {
  return impl_->StartExecution(r, true);
}
StatusOr<Execution> Engine::DescribeExecution(std::string_view f,
                                              std::string_view e) {
  return impl_->DescribeExecution(f, e);
}
StatusOr<Execution> Engine::WaitExecution(std::string_view f,
                                          std::string_view e,
                                          std::chrono::milliseconds timeout) {
  return impl_->WaitExecution(f, e, timeout);
}
StatusOr<Execution> Engine::StopExecution(const StopExecutionRequest& r) {
  return impl_->StopExecution(r);
}
StatusOr<Page<Execution>> Engine::ListExecutions(const ListRequest& r) {
  return impl_->ListExecutions(r);
}
StatusOr<Page<HistoryEvent>> Engine::GetExecutionHistory(
    std::string_view f, std::string_view e, int limit, std::string next_token) {
  return impl_->GetExecutionHistory(f, e, limit, next_token);
}
Status Engine::ReportTaskSucceeded(std::string_view token,
                                   std::string_view output_json) {
  return impl_->ReportTaskSucceeded(token, output_json);
}
Status Engine::ReportTaskFailed(std::string_view token, std::string_view error,
                                std::string_view cause) {
  return impl_->ReportTaskFailed(token, error, cause);
}
void Engine::RegisterTaskHandler(std::string key, TaskHandler handler) {
  impl_->RegisterTaskHandler(std::move(key), std::move(handler));
}
void Engine::SetDefaultTaskHandler(TaskHandler handler) {
  impl_->SetDefaultTaskHandler(std::move(handler));
}
Status Engine::LoadMocks(std::string_view text) {
  return impl_->LoadMocks(text);
}
StatusOr<Schedule> Engine::CreateSchedule(const CreateScheduleRequest& r) {
  return impl_->CreateSchedule(r);
}
StatusOr<Schedule> Engine::UpdateSchedule(const UpdateScheduleRequest& r) {
  return impl_->UpdateSchedule(r);
}
StatusOr<Schedule> Engine::DescribeSchedule(std::string_view f,
                                            std::string_view s) {
  return impl_->DescribeSchedule(f, s);
}
Status Engine::DeleteSchedule(std::string_view f, std::string_view s) {
  return impl_->DeleteSchedule(f, s);
}
StatusOr<Page<Schedule>> Engine::ListSchedules(const ListRequest& r) {
  return impl_->ListSchedules(r);
}
Status Engine::Resume() { return impl_->Resume(); }
size_t Engine::RunReady() { return impl_->RunReady(); }
size_t Engine::RunUntilIdle(std::optional<TimePoint> until) {
  return impl_->RunUntilIdle(until);
}
std::optional<TimePoint> Engine::NextWakeupTime() const {
  return impl_->NextWakeupTime();
}

}  // namespace fnf

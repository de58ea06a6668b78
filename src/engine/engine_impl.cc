#include "engine/engine_impl.h"

#include <utility>

#include "common/flow_error.h"
#include "engine/requests.h"
#include "store/memory_store.h"
#include "store/store_errors.h"

namespace fnf {

using internal::ExecutionState;
using internal::Json;

namespace {

internal::RetentionRule ToRule(const Retention& r) {
  internal::RetentionRule rule;
  rule.max_ended_executions = r.max_ended_executions;
  rule.max_age_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(r.max_age).count();
  return rule;
}

}  // namespace

Engine::Impl::Impl(EngineOptions options)
    : options_(std::move(options)),
      clock_(options_.clock ? options_.clock : Clock::System()),
      random_(options_.random_seed),
      retention_(ToRule(options_.retention)),
      store_(std::make_unique<internal::MemoryStore>()),
      dispatcher_([this](const internal::TaskCall& call) {
        return StartChildFlow(call);
      }),
      scheduler_(clock_, options_.worker_threads,
                 {[this](internal::Job job) { RunJob(std::move(job)); },
                  [this] { return store_->OutstandingTaskTokens(); }}) {
  request_prefix_ = random_.Uuid().substr(0, 24);
}

Engine::Impl::~Impl() = default;

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
  return internal::InterpEnv{clock_, &random_, &options_.limits,
                             options_.record_history};
}

int64_t Engine::Impl::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             clock_->Now().time_since_epoch())
      .count();
}

void Engine::Impl::Tidy() {
  if (retention_.max_age_ms > 0) store_->Evict(retention_, NowMs());
}

// ---------------------------------------------------------------------------
// Running executions and applying what the interpreter hands back.

void Engine::Impl::RunJob(internal::Job job) {
  const ExecPtr& exec = job.exec;
  if (job.kind == internal::Job::Kind::kTask) {
    std::optional<internal::TaskOutcome> outcome = dispatcher_.Call(*job.task);
    if (outcome) (void)ReportTask(job.task->request.task_token, *outcome);
    return;
  }
  internal::Effects fx;
  {
    std::lock_guard<std::mutex> l(exec->mu);
    internal::Interpreter interp(exec.get(), Env(), &fx);
    if (job.kind == internal::Job::Kind::kTimer) {
      interp.OnTimer(job.frame_id, job.generation);
    } else {
      exec->queued = false;
    }
    interp.RunReadyFrames();
    (void)store_->Save(*exec);
  }
  Apply(exec, std::move(fx));
}

void Engine::Impl::Apply(const ExecPtr& exec, internal::Effects fx) {
  // Tokens first: a handler may answer before AddWork returns.
  for (const std::string& token : fx.finished_tokens) {
    store_->FinishTaskToken(token);
  }
  for (const internal::TaskCall& call : fx.tasks) {
    store_->PutTaskToken(call.request.task_token,
                         {exec->flow_name, exec->name, exec->seq, call.frame_id,
                          call.generation, -1});
  }
  for (const internal::ChildStart& c : fx.child_starts) {
    store_->PutTaskToken(c.token, {exec->flow_name, exec->name, exec->seq,
                                   c.frame_id, c.generation, c.slot});
  }
  scheduler_.AddWork(exec, std::move(fx.timers), std::move(fx.tasks));
  for (internal::ChildStart& c : fx.child_starts) {
    LaunchMapChild(exec, std::move(c));
  }
  for (const std::string& name : fx.child_stops) {
    // The Map that started it has ended (failed, was cancelled, or its
    // execution ended).
    StatusOr<ExecPtr> child = store_->FindExecution(exec->flow_name, name);
    if (child.ok()) {
      (void)Stop(*child, std::string(internal::kErrCancelled),
                 "the distributed Map that started this execution has ended");
    }
  }
  if (fx.finished) {
    int64_t stopped_ms;
    {
      std::lock_guard<std::mutex> l(exec->mu);
      stopped_ms = exec->stopped_ms;
    }
    store_->ExecutionEnded(exec, stopped_ms);
    scheduler_.NotifyEnded();
    if (!exec->callback_token.empty()) ReportToParent(exec);
    store_->Evict(retention_, NowMs());
  }
}

void Engine::Impl::ReportToParent(const ExecPtr& exec) {
  // DECISIONS.md 27: the parent's task hears of the end as if ReportTask* had
  // been called.
  internal::TaskOutcome outcome;
  {
    std::lock_guard<std::mutex> l(exec->mu);
    if (exec->status == ExecutionStatus::kSucceeded) {
      outcome.succeeded = true;
      outcome.output = internal::ParseJson(exec->output).value;
    } else {
      outcome.error =
          internal::FlowError{exec->error_code, exec->error_message};
    }
  }
  (void)ReportTask(exec->callback_token, std::move(outcome));
}

// ---------------------------------------------------------------------------
// Tasks.

Status Engine::Impl::ReportTask(std::string_view token,
                                internal::TaskOutcome outcome) {
  StatusOr<internal::TaskTokenRecord> record = store_->CloseTaskToken(token);
  if (!record.ok()) return record.status();
  StatusOr<ExecPtr> found =
      store_->FindExecution(record->flow_name, record->execution_name);
  if (!found.ok() || (*found)->seq != record->execution_seq) {
    return internal::TaskAlreadyCompleted(token);  // its execution is gone
  }
  const ExecPtr& exec = *found;
  internal::Effects fx;
  bool accepted;
  {
    std::lock_guard<std::mutex> l(exec->mu);
    internal::Interpreter interp(exec.get(), Env(), &fx);
    accepted = record->slot >= 0
                   ? interp.OnChildResult(record->frame_id, record->generation,
                                          record->slot, std::move(outcome))
                   : interp.OnTaskResult(record->frame_id, record->generation,
                                         std::move(outcome));
    (void)store_->Save(*exec);
  }
  Apply(exec, std::move(fx));
  if (!accepted) return internal::TaskAlreadyCompleted(token);
  scheduler_.ScheduleRun(exec);
  return Status();
}

Status Engine::Impl::ReportTaskSucceeded(std::string_view token,
                                         std::string_view output_json) {
  if (output_json.size() > options_.limits.request_bytes) {
    return internal::TooLarge(options_.limits.request_bytes);
  }
  StatusOr<Json> output = internal::ParseObject("Output", output_json);
  if (!output.ok()) return output.status();
  internal::TaskOutcome outcome;
  outcome.succeeded = true;
  outcome.output = std::move(*output);
  return ReportTask(token, std::move(outcome));
}

Status Engine::Impl::ReportTaskFailed(std::string_view token,
                                      std::string_view error,
                                      std::string_view cause) {
  if (Status s = internal::CheckErrorCause(error, cause); !s.ok()) return s;
  internal::TaskOutcome outcome;
  outcome.error =
      internal::FlowError{error.empty() ? std::string(internal::kErrTaskFailed)
                                        : std::string(error),
                          std::string(cause)};
  return ReportTask(token, std::move(outcome));
}

void Engine::Impl::RegisterTaskHandler(std::string key, TaskHandler handler) {
  dispatcher_.RegisterHandler(std::move(key), std::move(handler));
}

Status Engine::Impl::LoadMocks(std::string_view text) {
  return dispatcher_.LoadMocks(text);
}

}  // namespace fnf

// Engine::Impl: the execution API (StartExecution ... GetExecutionHistory)
// and the internal start and stop that child executions use too.
#include <algorithm>

#include "absl/strings/numbers.h"
#include "common/strings.h"
#include "common/time_format.h"
#include "engine/engine_impl.h"
#include "engine/names.h"
#include "engine/requests.h"
#include "store/store_errors.h"

namespace fnf {

using internal::ExecutionState;
using internal::Invalid;
using internal::Json;
using internal::StrCat;

StatusOr<Execution> Engine::Impl::StartExecution(
    const StartExecutionRequest& request, bool sync) {
  const Limits& lim = options_.limits;
  if (request.input.size() > lim.request_bytes) {
    return internal::TooLarge(lim.request_bytes);
  }
  if (!request.execution_name.empty()) {
    if (std::string e = internal::CheckResourceName("ExecutionName",
                                                    request.execution_name);
        !e.empty()) {
      return Invalid(e);
    }
  }
  StatusOr<Json> input = internal::ParseObject("Input", request.input);
  if (!input.ok()) return input.status();
  return Start({request.flow_name, request.execution_name, std::move(*input),
                request.callback_fnf_task_token, sync});
}

StatusOr<Execution> Engine::Impl::Start(NewExecution request) {
  Tidy();
  auto version = store_->GetFlowVersion(request.flow_name);
  if (!version.ok()) return version.status();
  const bool sync = request.sync;
  if ((*version)->express != sync) {
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
  const std::string request_id = NewRequestId();
  auto exec = std::make_shared<ExecutionState>();
  exec->flow_name = std::move(request.flow_name);
  exec->input = std::move(request.input);
  exec->input_text = exec->input.Serialize();
  exec->callback_token = std::move(request.callback_token);
  exec->version = std::move(*version);
  // A given name follows the same-name rules; a generated one is drawn again
  // in the (unlikely) case it is taken.
  const bool generated = sync || request.name.empty();
  StatusOr<ExecPtr> created = Status();
  do {
    if (sync) {
      // Express names need not be unique: the service appends a UUID (api.md
      // §2).
      exec->name = StrCat(request.name.empty() ? random_.Uuid() : request.name,
                          ":", random_.Uuid());
    } else {
      exec->name = request.name.empty() ? random_.Uuid() : request.name;
    }
    exec->started_ms = NowMs();
    created = store_->CreateExecution(
        exec, generated ? internal::SameName::kRefuse
                        : internal::SameName::kReturnRunning);
  } while (generated &&
           created.status().error_code() == ErrorCode::kExecutionAlreadyExists);
  if (!created.ok()) return created.status();
  if (*created != exec) {  // the running execution of that name
    std::lock_guard<std::mutex> l((*created)->mu);
    Execution e = internal::Describe(**created);
    e.request_id = request_id;
    return e;
  }
  Execution result = Launch(exec, sync);
  if (sync) {
    scheduler_.Drive(exec, std::chrono::steady_clock::time_point::max());
    std::lock_guard<std::mutex> l(exec->mu);
    result = internal::Describe(*exec);
  }
  result.request_id = request_id;
  return result;
}

Execution Engine::Impl::Launch(const ExecPtr& exec, bool express_bound) {
  internal::Effects fx;
  Execution result;
  {
    std::lock_guard<std::mutex> l(exec->mu);
    internal::Interpreter interp(exec.get(), Env(), &fx);
    interp.Start();
    if (express_bound && !exec->version->compiled->timeout_seconds) {
      // Express executions last at most five minutes (cloudflow-v1.md §7.1).
      exec->timeout_due_ms =
          exec->started_ms +
          options_.limits.express_execution_max_seconds * 1000;
      fx.timers.push_back(internal::TimerRequest{
          TimePoint(std::chrono::milliseconds(exec->timeout_due_ms)), 0,
          exec->timeout_generation});
    }
    exec->queued = true;
    (void)store_->Save(*exec);
    result = internal::Describe(*exec);
  }
  Apply(exec, std::move(fx));
  internal::Job job;
  job.exec = exec;
  scheduler_.Push(std::move(job));
  return result;
}

StatusOr<Execution> Engine::Impl::DescribeExecution(
    std::string_view flow_name, std::string_view execution_name) {
  Tidy();
  StatusOr<ExecPtr> exec = store_->FindExecution(flow_name, execution_name);
  if (!exec.ok()) return exec.status();
  std::lock_guard<std::mutex> l((*exec)->mu);
  Execution e = internal::Describe(**exec);
  e.request_id = NewRequestId();
  return e;
}

StatusOr<Execution> Engine::Impl::WaitExecution(
    std::string_view flow_name, std::string_view execution_name,
    std::chrono::milliseconds timeout) {
  StatusOr<ExecPtr> exec = store_->FindExecution(flow_name, execution_name);
  if (!exec.ok()) return exec.status();
  auto deadline = timeout.count() <= 0
                      ? std::chrono::steady_clock::now()
                      : std::chrono::steady_clock::now() + timeout;
  scheduler_.Drive(*exec, deadline);
  std::lock_guard<std::mutex> l((*exec)->mu);
  Execution e = internal::Describe(**exec);
  e.request_id = NewRequestId();
  return e;
}

StatusOr<Execution> Engine::Impl::StopExecution(
    const StopExecutionRequest& request) {
  if (Status s = internal::CheckErrorCause(request.error, request.cause);
      !s.ok()) {
    return s;
  }
  StatusOr<ExecPtr> exec =
      store_->FindExecution(request.flow_name, request.execution_name);
  if (!exec.ok()) return exec.status();
  StatusOr<Execution> result = Stop(*exec, request.error, request.cause);
  if (result.ok()) result->request_id = NewRequestId();
  return result;
}

StatusOr<Execution> Engine::Impl::Stop(const ExecPtr& exec,
                                       const std::string& error,
                                       const std::string& cause) {
  internal::Effects fx;
  Execution result;
  {
    std::lock_guard<std::mutex> l(exec->mu);
    if (exec->ended()) {
      return Status(ErrorCode::kExecutionAlreadyCompleted,
                    StrCat("Execution '", exec->name, "' for flow '",
                           exec->flow_name, "' has already completed."));
    }
    internal::Interpreter interp(exec.get(), Env(), &fx);
    interp.Stop(error, cause);
    (void)store_->Save(*exec);
    result = internal::Describe(*exec);
  }
  Apply(exec, std::move(fx));
  return result;
}

StatusOr<Page<Execution>> Engine::Impl::ListExecutions(
    const ListRequest& request) {
  const Limits& lim = options_.limits;
  if (Status s =
          internal::CheckListLimit(request.limit, lim.list_executions_max);
      !s.ok()) {
    return s;
  }
  internal::ExecutionQuery q;
  if (!request.status.empty()) {
    q.status = internal::ParseStatus(request.status);
    if (!q.status) {
      return Invalid(
          StrCat("Status '", request.status,
                 "' is invalid: expected one of Starting, Running, Stopped, "
                 "Succeeded, Failed, TimedOut"));
    }
  }
  if (!request.next_token.empty()) {
    if (std::string e =
            internal::CheckResourceName("NextToken", request.next_token);
        !e.empty()) {
      return Invalid(e);
    }
  }
  Tidy();
  q.flow_name = request.flow_name;
  q.name_prefix = request.name_prefix;
  q.start_after = request.next_token;
  q.limit = request.limit == 0 ? lim.list_default : request.limit;
  return store_->ListExecutions(q);
}

StatusOr<Page<HistoryEvent>> Engine::Impl::GetExecutionHistory(
    std::string_view flow_name, std::string_view execution_name, int limit,
    const std::string& next_token) {
  const Limits& lim = options_.limits;
  if (Status s = internal::CheckListLimit(limit, lim.history_max); !s.ok()) {
    return s;
  }
  int64_t from = 1;
  if (!next_token.empty() &&
      (!absl::SimpleAtoi(next_token, &from) || from < 1)) {
    return Invalid(
        StrCat("NextToken '", next_token,
               "' is invalid: it must be an event id from a previous page"));
  }
  Tidy();
  StatusOr<ExecPtr> exec = store_->FindExecution(flow_name, execution_name);
  if (!exec.ok()) return exec.status();
  size_t n = limit == 0 ? lim.list_default : limit;
  Page<HistoryEvent> page;
  std::lock_guard<std::mutex> l((*exec)->mu);
  const std::vector<internal::Event>& h = (*exec)->history;
  // history[i] is event i + 1.
  for (size_t i = static_cast<size_t>(from - 1); i < h.size(); ++i) {
    const int64_t id = static_cast<int64_t>(i) + 1;
    if (page.items.size() == n) {
      page.next_token = std::to_string(id);
      break;
    }
    const internal::Event& e = h[i];
    page.items.push_back(HistoryEvent{
        id, e.schedule_id, std::string(e.step_name()),
        std::string(internal::EventTypeName(e.type)),
        internal::FormatTime(TimePoint(std::chrono::milliseconds(e.time_ms))),
        internal::RenderDetail(e)});
  }
  return page;
}

}  // namespace fnf

// Engine::Impl, the coordinator: it checks requests, keeps flows and
// executions in the Store, runs the interpreter on an execution and applies
// what the interpreter hands back (Effects) through the Scheduler (timers,
// jobs) and the TaskDispatcher (task calls).
//
// Locks: the interpreter runs under an execution's mutex alone; Effects are
// applied after it is released. The store, the scheduler and the dispatcher
// each guard themselves; none calls another while holding its lock.
#ifndef FNF_ENGINE_ENGINE_IMPL_H_
#define FNF_ENGINE_ENGINE_IMPL_H_

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fnf/engine.h"

#include "common/random.h"
#include "dispatch/task_dispatcher.h"
#include "interp/interpreter.h"
#include "sched/scheduler.h"
#include "store/store.h"

namespace fnf {

class Engine::Impl {
 public:
  explicit Impl(EngineOptions options);
  ~Impl();

  // Flows (engine/flows.cc).
  StatusOr<Flow> CreateFlow(const CreateFlowRequest& request);
  StatusOr<Flow> UpdateFlow(const UpdateFlowRequest& request);
  StatusOr<Flow> DescribeFlow(std::string_view flow_name);
  Status DeleteFlow(std::string_view flow_name);
  StatusOr<Page<Flow>> ListFlows(const ListRequest& request);
  std::vector<Diagnostic> ValidateDefinition(std::string_view definition) const;

  // Executions (engine/executions.cc).
  StatusOr<Execution> StartExecution(const StartExecutionRequest& request,
                                     bool sync);
  StatusOr<Execution> DescribeExecution(std::string_view flow_name,
                                        std::string_view execution_name);
  StatusOr<Execution> WaitExecution(std::string_view flow_name,
                                    std::string_view execution_name,
                                    std::chrono::milliseconds timeout);
  StatusOr<Execution> StopExecution(const StopExecutionRequest& request);
  StatusOr<Page<Execution>> ListExecutions(const ListRequest& request);
  StatusOr<Page<HistoryEvent>> GetExecutionHistory(
      std::string_view flow_name, std::string_view execution_name, int limit,
      const std::string& next_token);

  // Tasks (engine/engine_impl.cc).
  Status ReportTaskSucceeded(std::string_view token,
                             std::string_view output_json);
  Status ReportTaskFailed(std::string_view token, std::string_view error,
                          std::string_view cause);
  void RegisterTaskHandler(std::string key, TaskHandler handler);
  Status LoadMocks(std::string_view text);

  size_t RunReady() { return scheduler_.RunReady(); }
  std::optional<TimePoint> NextWakeupTime() {
    return scheduler_.NextWakeupTime();
  }

 private:
  using ExecPtr = internal::ExecPtr;

  // What an internal start needs; checked and parsed already.
  struct NewExecution {
    std::string flow_name;
    std::string name;  // "" : a generated one
    internal::Json input;
    std::string callback_token;  // CallbackFnFTaskToken of a parent's task
    bool sync = false;           // StartSyncExecution (Express)
  };

  internal::InterpEnv Env() const;
  // UUID-shaped and unique per engine: a random prefix and a counter, so that
  // every API call need not draw from the (locked) random source.
  std::string NewRequestId();
  int64_t NowMs() const;
  // Applies the retention rule; called when executions end and before reads.
  void Tidy();

  // Registers and launches an execution (engine/executions.cc).
  StatusOr<Execution> Start(NewExecution request);
  // Starts a registered execution: ExecutionStarted, its first job.
  // `express_bound`: apply the Express five-minute bound.
  Execution Launch(const ExecPtr& exec, bool express_bound);
  // Ends a running execution as Stopped; ExecutionAlreadyCompleted.
  StatusOr<Execution> Stop(const ExecPtr& exec, const std::string& error,
                           const std::string& cause);

  // The engine's side of task results and child executions.
  void RunJob(internal::Job job);  // the scheduler's hook
  void Apply(const ExecPtr& exec, internal::Effects fx);
  Status ReportTask(std::string_view token, internal::TaskOutcome outcome);
  // An ended child execution reports to its parent's task
  // (CallbackFnFTaskToken).
  void ReportToParent(const ExecPtr& exec);

  // Child executions (engine/child_flow.cc): the built-in FNF:StartExecution
  // integration and distributed Map iterations.
  std::optional<TaskResult> StartChildFlow(const internal::TaskCall& call);
  void LaunchMapChild(const ExecPtr& parent, internal::ChildStart c);

  const EngineOptions options_;
  Clock* const clock_;
  mutable internal::Random random_;
  std::string request_prefix_;  // the first 24 characters of request ids
  std::atomic<uint64_t> request_counter_{0};
  const internal::RetentionRule retention_;

  std::unique_ptr<internal::Store> store_;
  internal::TaskDispatcher dispatcher_;
  internal::Scheduler scheduler_;  // last: its workers use the members above
};

}  // namespace fnf

#endif  // FNF_ENGINE_ENGINE_IMPL_H_

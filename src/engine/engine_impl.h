// Engine::Impl: the flow registry, the execution table, the job queue and
// timers, and the worker threads. Lock order: mu_ before any ExecutionRt::mu;
// the interpreter runs under an execution's mutex alone and hands back Effects,
// applied under mu_ after it is released.
#ifndef FNF_ENGINE_ENGINE_IMPL_H_
#define FNF_ENGINE_ENGINE_IMPL_H_

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "fnf/engine.h"

#include "absl/container/btree_map.h"
#include "common/random.h"
#include "engine/execution.h"
#include "engine/mocks.h"
#include "interp/interpreter.h"
#include "schedules/schedule_table.h"
#include "store/sqlite/execution_rows.h"
#include "store/sqlite/schedule_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace fnf {

class Engine::Impl {
 public:
  explicit Impl(EngineOptions options);
  ~Impl();

  StatusOr<Flow> CreateFlow(const CreateFlowRequest& request);
  StatusOr<Flow> UpdateFlow(const UpdateFlowRequest& request);
  StatusOr<Flow> DescribeFlow(std::string_view flow_name);
  Status DeleteFlow(std::string_view flow_name);
  StatusOr<Page<Flow>> ListFlows(const ListRequest& request);
  std::vector<Diagnostic> ValidateDefinition(std::string_view definition) const;

  // `depth`: 0 for a host's request, the parent's depth + 1 for a child flow.
  StatusOr<Execution> StartExecution(const StartExecutionRequest& request,
                                     bool sync, int depth = 0);
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

  Status ReportTaskSucceeded(std::string_view token,
                             std::string_view output_json);
  Status ReportTaskFailed(std::string_view token, std::string_view error,
                          std::string_view cause);
  Status ReportTask(std::string_view token, internal::TaskOutcome outcome);
  void RegisterTaskHandler(std::string key, TaskHandler handler);
  void SetDefaultTaskHandler(TaskHandler handler);
  Status LoadMocks(std::string_view text);

  // Schedules (engine_schedules.cc).
  StatusOr<Schedule> CreateSchedule(const CreateScheduleRequest& request);
  StatusOr<Schedule> UpdateSchedule(const UpdateScheduleRequest& request);
  StatusOr<Schedule> DescribeSchedule(std::string_view flow_name,
                                      std::string_view schedule_name);
  Status DeleteSchedule(std::string_view flow_name,
                        std::string_view schedule_name);
  StatusOr<Page<Schedule>> ListSchedules(const ListRequest& request);

  Status Resume();
  size_t RunReady();
  size_t RunUntilIdle(std::optional<TimePoint> until);
  std::optional<TimePoint> NextWakeupTime() const;

 private:
  using ExecPtr = std::shared_ptr<internal::ExecutionRt>;

  struct FlowEntry {
    Flow meta;
    std::shared_ptr<const internal::FlowVersion> version;
    // Keyed by a view of the execution's own name (ExecutionRt::name, which
    // never changes): the name is stored once.
    absl::btree_map<std::string_view, ExecPtr> executions;
  };

  struct Job {
    enum class Kind { kRun, kTimer, kTask, kFire };
    Kind kind = Kind::kRun;
    ExecPtr exec;
    uint64_t frame_id = 0, generation = 0;
    std::unique_ptr<internal::TaskCall> task;
    std::unique_ptr<internal::ScheduleFiring> firing;  // kFire
  };

  struct Timer {
    TimePoint due;
    uint64_t seq;
    std::weak_ptr<internal::ExecutionRt> exec;
    uint64_t frame_id, generation;
    bool operator>(const Timer& o) const {
      return due != o.due ? due > o.due : seq > o.seq;
    }
  };

  struct TaskRecord {
    std::weak_ptr<internal::ExecutionRt> exec;
    uint64_t frame_id = 0, generation = 0;
    int slot = -1;  // >= 0: a distributed Map iteration
    // A built-in child flow answers it when the child ends: no report from
    // outside the engine is awaited.
    bool by_child = false;
    bool done = false;
  };

  // Wakes the workers from the clock's listener without outliving the Impl.
  struct Waker {
    std::mutex mu;
    Impl* impl = nullptr;
  };

  internal::InterpEnv Env() const;
  // UUID-shaped and unique per engine: a random prefix and a counter, so that
  // every API call need not draw from the (locked) random source.
  std::string NewRequestId();
  Status FlowNotFound(std::string_view name) const;
  // REQUIRES: mu_ held.
  FlowEntry* FindFlow(std::string_view name);
  ExecPtr FindExecution(std::string_view flow_name,
                        std::string_view execution_name, Status* status);
  static Execution Snapshot(
      const internal::ExecutionRt& exec);  // REQUIRES: exec.mu held

  // Jobs and effects.
  void Push(Job job);      // REQUIRES: mu_ held
  size_t RunJob(Job job);  // no lock held; returns the states run (>= 1)
  void Apply(const ExecPtr& exec, internal::Effects fx);  // no lock held
  // Hands the execution's undelivered events to the event listener, unless
  // another thread is doing so already. No lock held.
  void DeliverEvents(const ExecPtr& exec);
  // Whether a task of the engine still awaits a report. REQUIRES: mu_ held.
  bool AwaitsReport() const;
  void ScheduleRun(const ExecPtr& exec);  // no lock held; exec has ready frames
  void CallTask(const ExecPtr& exec, internal::TaskCall call);
  // The built-in child-flow integration; nullopt when `call` is not for it.
  std::optional<TaskResult> StartChildFlow(const internal::TaskCall& call,
                                           int parent_depth);
  void ReportToParent(
      const internal::ExecutionRt& exec);  // CallbackFnFTaskToken
  bool PopDueTimers(TimePoint now);        // REQUIRES: mu_ held
  void PopDueSchedules(TimePoint now);     // REQUIRES: mu_ held
  // The earliest live timer or schedule. REQUIRES: mu_ held.
  std::optional<TimePoint> NextDueLocked() const;
  static bool TimerIsStale(const Timer& t);  // locks the timer's execution
  void DropStaleTimers() const;              // REQUIRES: mu_ held
  bool TakeJob(Job* job);                    // REQUIRES: mu_ held
  void WorkerLoop();
  // Starts a registered execution: ExecutionStarted, its first job.
  // `express_bound`: apply the Express five-minute bound. Returns its snapshot.
  // With a store, `commit` learns whether the start was committed (on failure
  // the execution is not run).
  Execution Launch(const ExecPtr& exec, bool express_bound,
                   Status* commit = nullptr);
  void LaunchChild(const ExecPtr& parent, internal::ChildStart c);
  // "" when one more execution may run; else why not. REQUIRES: mu_ held.
  std::string RunningLimitProblem() const;
  // Starts the execution of a due schedule tick, without the request checks
  // its schedule passed when it was created.
  void StartScheduled(internal::ScheduleFiring firing);
  // With a store: runs `change` (a schedule table call) under mu_, commits
  // the schedule's new row (or its deletion), and undoes the change when the
  // write fails. Without one: runs `change` under mu_.
  template <typename Change>
  auto ChangeSchedule(std::string_view flow_name,
                      std::string_view schedule_name, Change change)
      -> decltype(change());
  // Writes the table's entry of the schedule (its deletion when it has
  // none). REQUIRES: mu_ held, store_.
  Status WriteSchedule(std::string_view flow_name,
                       std::string_view schedule_name);
  static internal::StoredSchedule FromRow(const internal::ScheduleRow& row);
  void Drive(const ExecPtr& exec,
             std::chrono::steady_clock::time_point deadline);

  // The durable store (engine_store.cc). Journaling is on for an execution
  // when exec->journaled.
  void OpenStore();  // in the constructor: attach, read flows and executions
  Status LoadStore();
  // Writes a flow and its current version. REQUIRES: mu_ held.
  Status WriteFlow(const FlowEntry& entry, int64_t created_ms,
                   int64_t modified_ms);
  // REQUIRES: exec.mu held. Queues the write of the activation that just ran
  // (FIFO: the writes of one execution commit in the order they ran); an
  // invalid future when the execution is not journaled.
  std::future<Status> QueueCommit(internal::ExecutionRt& exec,
                                  const internal::Effects& fx,
                                  std::vector<std::string> done_tokens = {});
  // Waits for a queued write (no lock held). A failed write stalls the
  // execution: its effects are never released.
  Status AwaitCommit(const ExecPtr& exec, std::future<Status>& commit);
  // The store refuses writes (an Engine on a store it cannot use); OK
  // without a store.
  Status StoreProblem() const { return store_status_; }
  // The version of a stored execution, compiled when `running` (cached).
  StatusOr<std::shared_ptr<const internal::FlowVersion>> StoredVersion(
      const std::string& hash, bool running);
  // Marks a task as dispatched (a handler answered Pending): it is not
  // delivered again after a restart.
  void NoteDispatched(const std::string& token);
  // Whether the store knows `token` as a task whose result was accepted.
  bool StoredTaskDone(const std::string& token);

  const EngineOptions options_;
  Clock* const clock_;
  // Made in the constructor: with a store and a fixed random_seed, each Engine
  // on the store draws a different sequence (a restarted engine must not hand
  // out its predecessor's task tokens again).
  mutable std::optional<internal::Random> random_;
  const bool manual_;
  std::string request_prefix_;  // the first 24 characters of request ids
  std::atomic<uint64_t> request_counter_{0};

  mutable std::mutex mu_;
  std::condition_variable work_cv_;  // jobs, timers, stop
  std::condition_variable done_cv_;  // an execution ended
  std::map<std::string, std::unique_ptr<FlowEntry>, std::less<>> flows_;
  std::deque<Job> jobs_;
  mutable std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>>
      timers_;
  uint64_t timer_seq_ = 0;
  uint64_t exec_seq_ = 0;
  size_t running_executions_ = 0;  // counted against Limits::running_executions
  std::unordered_map<std::string, TaskRecord> tasks_;
  // Reports between marking their task done and applying its result: manual
  // mode's WaitExecution must not give up on the execution meanwhile.
  int reports_in_flight_ = 0;
  std::unordered_map<std::string, TaskHandler> handlers_;
  TaskHandler default_handler_;  // tasks nothing else takes
  internal::MockTable mocks_;
  internal::ScheduleTable schedules_;  // locked inside mu_
  bool stopping_ = false;
  size_t busy_workers_ = 0;

  // With a store: the store, why it cannot be used (OK: it can), the stored
  // running executions waiting for Resume() with their open task rows, the
  // versions read back, and the child executions by their parent's token.
  std::shared_ptr<internal::SqliteStore> store_;
  Status store_status_;
  int64_t store_starts_ = 0;  // Engines built on the store, this one included
  bool resumed_ = false;
  std::vector<std::pair<ExecPtr, std::vector<internal::TaskRow>>> dormant_;
  std::unordered_map<std::string, std::shared_ptr<const internal::FlowVersion>>
      stored_versions_;
  std::unordered_map<std::string, ExecPtr> children_by_token_;

  std::shared_ptr<Waker> waker_;
  int listener_id_ = 0;
  std::vector<std::thread> workers_;
};

}  // namespace fnf

#endif  // FNF_ENGINE_ENGINE_IMPL_H_

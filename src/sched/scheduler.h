// The Scheduler decides when work runs: a FIFO of jobs (run an execution's
// ready frames, a due timer, a task call), the timer queue, and either worker
// threads or, in manual mode (worker_threads == 0), the host's thread through
// RunReady. It does not know what a job does: the owner's `run` hook does it.
//
// Thread-safety: every method may be called from any thread. Lock order: the
// scheduler's mutex before an ExecutionState::mu; the `run` hook and the
// `outstanding_tasks` hook are called with no scheduler lock held.
#ifndef FNF_SCHED_SCHEDULER_H_
#define FNF_SCHED_SCHEDULER_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "fnf/clock.h"

#include "interp/interpreter.h"
#include "runtime/execution_state.h"
#include "sched/timer_queue.h"

namespace fnf::internal {

struct Job {
  enum class Kind : uint8_t { kRun, kTimer, kTask };
  Kind kind = Kind::kRun;
  std::shared_ptr<ExecutionState> exec;
  uint64_t frame_id = 0, generation = 0;  // kTimer
  std::unique_ptr<TaskCall> task;         // kTask
};

class Scheduler {
 public:
  struct Hooks {
    std::function<void(Job)> run;  // does one job
    // Task tokens still awaited, engine-wide: while there are some, a report
    // from another thread may still move a manual-mode execution.
    std::function<size_t()> outstanding_tasks;
  };

  // `workers` < 0: one per core; 0: manual mode. Workers start at once.
  Scheduler(Clock* clock, int workers, Hooks hooks);
  ~Scheduler();  // stops and joins the workers
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  bool manual() const { return manual_; }

  // Queues a job (after the jobs already queued).
  void Push(Job job);
  // Queues a run of `exec`'s ready frames unless one is queued already.
  void ScheduleRun(const std::shared_ptr<ExecutionState>& exec);
  // Arms the timers of one activation of `exec`, and queues its task calls.
  void AddWork(const std::shared_ptr<ExecutionState>& exec,
               std::vector<TimerRequest> timers, std::vector<TaskCall> tasks);
  // Wakes threads waiting in Drive: an execution has ended.
  void NotifyEnded();

  // Manual mode: runs every queued job and due timer; returns how many.
  size_t RunReady();
  // The due time of the earliest live timer.
  std::optional<TimePoint> NextWakeupTime();
  // Returns when `exec` has ended, `deadline` has passed, or (manual mode on
  // a manual clock, no deadline) nothing can move `exec` any more. In manual
  // mode the calling thread runs the jobs.
  void Drive(const std::shared_ptr<ExecutionState>& exec,
             std::chrono::steady_clock::time_point deadline);

 private:
  // Wakes the workers from the clock's listener without outliving us.
  struct Waker {
    std::mutex mu;
    Scheduler* scheduler = nullptr;
  };

  bool TakeJob(Job* job);  // REQUIRES: mu_ held
  void WorkerLoop();

  Clock* const clock_;
  const bool manual_;
  const Hooks hooks_;

  std::mutex mu_;
  std::condition_variable work_cv_;  // jobs, timers, stop
  std::condition_variable done_cv_;  // an execution ended
  std::deque<Job> jobs_;
  TimerQueue timers_;
  bool stopping_ = false;

  std::shared_ptr<Waker> waker_;
  int listener_id_ = 0;
  std::vector<std::thread> workers_;
};

}  // namespace fnf::internal

#endif  // FNF_SCHED_SCHEDULER_H_

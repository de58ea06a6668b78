#include "sched/scheduler.h"

#include <algorithm>
#include <utility>

namespace fnf::internal {

Scheduler::Scheduler(Clock* clock, int workers, Hooks hooks)
    : clock_(clock),
      manual_(workers == 0),
      hooks_(std::move(hooks)),
      waker_(std::make_shared<Waker>()) {
  waker_->scheduler = this;
  std::weak_ptr<Waker> weak = waker_;
  listener_id_ = clock_->AddListener([weak] {
    if (auto w = weak.lock()) {
      std::lock_guard<std::mutex> l(w->mu);
      if (w->scheduler) {
        std::lock_guard<std::mutex> l2(w->scheduler->mu_);
        w->scheduler->work_cv_.notify_all();
      }
    }
  });
  if (workers < 0) workers = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 0; i < workers; ++i) {
    workers_.emplace_back([this] { WorkerLoop(); });
  }
}

Scheduler::~Scheduler() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  done_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
  {
    std::lock_guard<std::mutex> l(waker_->mu);
    waker_->scheduler = nullptr;
  }
  clock_->RemoveListener(listener_id_);
}

void Scheduler::WorkerLoop() {
  std::unique_lock<std::mutex> l(mu_);
  while (true) {
    if (stopping_) return;
    Job job;
    if (TakeJob(&job)) {
      l.unlock();
      hooks_.run(std::move(job));
      l.lock();
      continue;
    }
    timers_.DropStale();
    std::optional<TimePoint> next = timers_.Next();
    if (!next || clock_->IsManual()) {
      work_cv_.wait(l);
    } else {
      work_cv_.wait_until(l, *next);
    }
  }
}

bool Scheduler::TakeJob(Job* job) {
  if (!timers_.empty()) {
    for (Timer& t : timers_.PopDue(clock_->Now())) {
      Job timer;
      timer.kind = Job::Kind::kTimer;
      timer.exec = t.exec.lock();
      if (!timer.exec) continue;
      timer.frame_id = t.frame_id;
      timer.generation = t.generation;
      jobs_.push_back(std::move(timer));
    }
  }
  if (jobs_.empty()) return false;
  *job = std::move(jobs_.front());
  jobs_.pop_front();
  return true;
}

void Scheduler::Push(Job job) {
  std::lock_guard<std::mutex> l(mu_);
  jobs_.push_back(std::move(job));
  if (!manual_) work_cv_.notify_one();
}

void Scheduler::ScheduleRun(const std::shared_ptr<ExecutionState>& exec) {
  {
    std::lock_guard<std::mutex> l(exec->mu);
    if (exec->queued || exec->ready.empty()) return;
    exec->queued = true;
  }
  Job job;
  job.exec = exec;
  Push(std::move(job));
}

void Scheduler::AddWork(const std::shared_ptr<ExecutionState>& exec,
                        std::vector<TimerRequest> timers,
                        std::vector<TaskCall> tasks) {
  if (timers.empty() && tasks.empty()) return;
  std::lock_guard<std::mutex> l(mu_);
  for (const TimerRequest& t : timers) {
    timers_.Add(t.due, exec, t.frame_id, t.generation);
  }
  for (TaskCall& call : tasks) {
    Job job;
    job.kind = Job::Kind::kTask;
    job.exec = exec;
    job.task = std::make_unique<TaskCall>(std::move(call));
    jobs_.push_back(std::move(job));
  }
  if (manual_) return;
  if (!timers.empty()) {
    work_cv_.notify_all();
  } else {
    for (size_t i = 0; i < tasks.size(); ++i) work_cv_.notify_one();
  }
}

void Scheduler::NotifyEnded() {
  { std::lock_guard<std::mutex> l(mu_); }
  done_cv_.notify_all();
}

size_t Scheduler::RunReady() {
  if (!manual_) return 0;
  size_t steps = 0;
  while (true) {
    Job job;
    {
      std::lock_guard<std::mutex> l(mu_);
      if (!TakeJob(&job)) break;
    }
    hooks_.run(std::move(job));
    ++steps;
  }
  return steps;
}

std::optional<TimePoint> Scheduler::NextWakeupTime() {
  std::lock_guard<std::mutex> l(mu_);
  timers_.DropStale();
  return timers_.Next();
}

void Scheduler::Drive(const std::shared_ptr<ExecutionState>& exec,
                      std::chrono::steady_clock::time_point deadline) {
  using SteadyClock = std::chrono::steady_clock;
  auto ended = [&] {
    std::lock_guard<std::mutex> l(exec->mu);
    return exec->ended();
  };
  if (!manual_) {
    // ended() is read under mu_, which NotifyEnded takes: no lost wake-up.
    std::unique_lock<std::mutex> l(mu_);
    while (!stopping_) {
      if (ended()) return;
      if (deadline == SteadyClock::time_point::max()) {
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
    // Asked before taking mu_: the hook takes the store's lock.
    const bool tasks_awaited = hooks_.outstanding_tasks() > 0;
    std::unique_lock<std::mutex> l(mu_);
    if (!jobs_.empty()) continue;
    if (SteadyClock::now() >= deadline) return;
    if (clock_->IsManual()) {
      // Time moves only when the host says so; what may still come is a task
      // report from another thread.
      if (deadline == SteadyClock::time_point::max()) {
        if (!tasks_awaited) return;
        work_cv_.wait_for(l, std::chrono::milliseconds(50));
      } else {
        work_cv_.wait_until(l, deadline);
      }
    } else if (std::optional<TimePoint> next = timers_.Next()) {
      auto wait = std::chrono::duration_cast<SteadyClock::duration>(
          *next - clock_->Now());
      work_cv_.wait_until(l, std::min(deadline, SteadyClock::now() + wait));
    } else {
      work_cv_.wait_until(l, deadline);
    }
  }
}

}  // namespace fnf::internal

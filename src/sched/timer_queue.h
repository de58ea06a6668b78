// The timers armed by executions (Wait, retry back-off, task Timeout, the
// execution's Timeout), earliest first. A timer names the frame and the
// generation it was armed for; when the frame has stopped waiting since (a
// task answered before its timeout, the execution was stopped) the timer is
// stale, and it is dropped instead of run.
//
// Not thread-safe: the Scheduler guards it with its mutex. Stale checks lock
// the timer's execution (lock order: scheduler, then execution).
#ifndef FNF_SCHED_TIMER_QUEUE_H_
#define FNF_SCHED_TIMER_QUEUE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <queue>
#include <vector>

#include "fnf/clock.h"

#include "runtime/execution_state.h"

namespace fnf::internal {

struct Timer {
  TimePoint due;
  uint64_t seq = 0;  // arming order: equal due times fire in that order
  std::weak_ptr<ExecutionState> exec;
  uint64_t frame_id = 0;  // 0: the execution's own Timeout
  uint64_t generation = 0;
};

class TimerQueue {
 public:
  void Add(TimePoint due, std::weak_ptr<ExecutionState> exec, uint64_t frame_id,
           uint64_t generation);
  // Removes and returns the timers due at `now`, earliest first, leaving out
  // those whose execution is gone.
  std::vector<Timer> PopDue(TimePoint now);
  // Drops stale timers from the front, so that Next() is a time at which
  // something will happen.
  void DropStale();
  // The due time of the earliest timer (stale or not); nullopt when none.
  std::optional<TimePoint> Next() const;
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }

  // True when the frame (or execution) the timer was armed for no longer
  // waits for it.
  static bool IsStale(const Timer& t);

 private:
  struct Later {
    bool operator()(const Timer& a, const Timer& b) const {
      return a.due != b.due ? a.due > b.due : a.seq > b.seq;
    }
  };
  std::priority_queue<Timer, std::vector<Timer>, Later> heap_;
  uint64_t seq_ = 0;
};

}  // namespace fnf::internal

#endif  // FNF_SCHED_TIMER_QUEUE_H_

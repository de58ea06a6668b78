#include "sched/timer_queue.h"

#include <mutex>
#include <utility>

namespace fnf::internal {

void TimerQueue::Add(TimePoint due, std::weak_ptr<ExecutionState> exec,
                     uint64_t frame_id, uint64_t generation) {
  heap_.push(Timer{due, seq_++, std::move(exec), frame_id, generation});
}

std::vector<Timer> TimerQueue::PopDue(TimePoint now) {
  std::vector<Timer> due;
  while (!heap_.empty() && heap_.top().due <= now) {
    Timer t = heap_.top();
    heap_.pop();
    if (!t.exec.expired()) due.push_back(std::move(t));
  }
  return due;
}

bool TimerQueue::IsStale(const Timer& t) {
  std::shared_ptr<ExecutionState> exec = t.exec.lock();
  if (!exec) return true;
  std::lock_guard<std::mutex> l(exec->mu);
  if (exec->ended()) return true;
  if (t.frame_id == 0) return t.generation != exec->timeout_generation;
  auto it = exec->frames.find(t.frame_id);
  return it == exec->frames.end() || it->second->generation != t.generation ||
         it->second->phase != Frame::Phase::kWaiting;
}

void TimerQueue::DropStale() {
  while (!heap_.empty() && IsStale(heap_.top())) heap_.pop();
}

std::optional<TimePoint> TimerQueue::Next() const {
  if (heap_.empty()) return std::nullopt;
  return heap_.top().due;
}

}  // namespace fnf::internal

#include "fnf/clock.h"

#include <vector>

namespace fnf {
namespace {

class SystemClock : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace

Clock* Clock::System() {
  static SystemClock* clock = new SystemClock();
  return clock;
}

ManualClock::ManualClock(TimePoint start) : now_(start) {}

TimePoint ManualClock::Now() const {
  std::lock_guard<std::mutex> lock(mu_);
  return now_;
}

int ManualClock::AddListener(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mu_);
  int id = next_id_++;
  listeners_[id] = std::move(fn);
  return id;
}

void ManualClock::RemoveListener(int id) {
  std::lock_guard<std::mutex> lock(mu_);
  listeners_.erase(id);
}

void ManualClock::Advance(std::chrono::milliseconds d) {
  if (d.count() <= 0) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    now_ += d;
  }
  Notify();
}

void ManualClock::Set(TimePoint t) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (t <= now_) return;
    now_ = t;
  }
  Notify();
}

void ManualClock::Notify() {
  std::vector<std::function<void()>> fns;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [id, fn] : listeners_) fns.push_back(fn);
  }
  for (auto& fn : fns) fn();
}

}  // namespace fnf

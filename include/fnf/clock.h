// fnf/clock.h: the engine's source of time, injectable so that tests never
// sleep.
//
// clang-format off
// Example:
//   fnf::ManualClock clock;  // starts at 2019-01-01T00:00:00Z
//   fnf::Engine engine({.worker_threads = 0, .clock = &clock});
//   ...
//   engine.RunReady();                        // runs up to a Wait state
//   clock.Advance(std::chrono::seconds(10));
//   engine.RunReady();                        // the Wait is over; no sleep anywhere
// clang-format on
#ifndef FNF_CLOCK_H_
#define FNF_CLOCK_H_

#include <chrono>
#include <functional>
#include <map>
#include <mutex>

namespace fnf {

using TimePoint = std::chrono::system_clock::time_point;

// Tells the time. Implementations must be thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  // True when time moves only when told to (ManualClock): engine workers then
  // wait for a change notification instead of sleeping by real time.
  virtual bool IsManual() const { return false; }
  // Registers `fn`, called after every change of a manual clock's time (from
  // the thread that changed it, with no clock lock held). Returns an id for
  // RemoveListener. The system clock never calls it.
  virtual int AddListener(std::function<void()> fn) {
    (void)fn;
    return 0;
  }
  virtual void RemoveListener(int id) { (void)id; }

  // The wall clock. Never null; lives for the whole program.
  static Clock* System();
};

// A clock that moves only through Set/Advance. Thread-safe.
class ManualClock : public Clock {
 public:
  // Starts at `start` (default 2019-01-01T00:00:00.000Z).
  explicit ManualClock(
      TimePoint start = TimePoint(std::chrono::seconds(1546300800)));
  TimePoint Now() const override;
  bool IsManual() const override { return true; }
  int AddListener(std::function<void()> fn) override;
  void RemoveListener(int id) override;

  // Moves time forward by `d` (negative values are ignored) and notifies
  // listeners.
  void Advance(std::chrono::milliseconds d);
  // Sets the time to `t` if it is later than now, and notifies listeners.
  void Set(TimePoint t);

 private:
  void Notify();
  mutable std::mutex mu_;
  TimePoint now_;
  int next_id_ = 1;
  std::map<int, std::function<void()>> listeners_;
};

}  // namespace fnf

#endif  // FNF_CLOCK_H_

// TimerQueue on its own: due order, and stale timers (the frame stopped
// waiting, the execution ended or is gone) dropped instead of run.
#include "sched/timer_queue.h"

#include <memory>

#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

using std::chrono::seconds;

TimePoint At(int s) { return TimePoint(seconds(s)); }

// An execution with one frame (id 1) waiting at generation 3.
std::shared_ptr<ExecutionState> Waiting() {
  auto exec = std::make_shared<ExecutionState>();
  auto frame = std::make_unique<Frame>();
  frame->id = 1;
  frame->generation = 3;
  frame->phase = Frame::Phase::kWaiting;
  exec->frames.emplace(1, std::move(frame));
  exec->timeout_generation = 5;
  return exec;
}

TEST_CASE("TimerQueue pops due timers in due order, ties in arming order",
          "[sched]") {
  auto exec = Waiting();
  TimerQueue q;
  q.Add(At(20), exec, 1, 3);
  q.Add(At(10), exec, 1, 1);
  q.Add(At(10), exec, 1, 2);
  CHECK(q.Next() == At(10));
  CHECK(q.PopDue(At(9)).empty());
  std::vector<Timer> due = q.PopDue(At(10));
  REQUIRE(due.size() == 2);
  CHECK(due[0].generation == 1);
  CHECK(due[1].generation == 2);
  CHECK(q.size() == 1);
  CHECK(q.Next() == At(20));
}

TEST_CASE("TimerQueue: a timer is stale once its frame stops waiting",
          "[sched]") {
  auto exec = Waiting();
  Timer t{At(10), 0, exec, 1, 3};
  CHECK_FALSE(TimerQueue::IsStale(t));
  // A later generation: the frame waits for something else now.
  exec->frames[1]->generation = 4;
  CHECK(TimerQueue::IsStale(t));
  exec->frames[1]->generation = 3;
  exec->frames[1]->phase = Frame::Phase::kEnter;
  CHECK(TimerQueue::IsStale(t));
  exec->frames[1]->phase = Frame::Phase::kWaiting;
  // An unknown frame.
  CHECK(TimerQueue::IsStale(Timer{At(10), 0, exec, 2, 3}));
  // The execution's own Timeout (frame 0) follows timeout_generation.
  CHECK_FALSE(TimerQueue::IsStale(Timer{At(10), 0, exec, 0, 5}));
  CHECK(TimerQueue::IsStale(Timer{At(10), 0, exec, 0, 4}));
  // An ended execution waits for nothing.
  exec->status = ExecutionStatus::kSucceeded;
  CHECK(TimerQueue::IsStale(t));
}

TEST_CASE("TimerQueue: DropStale leaves the earliest live timer first",
          "[sched]") {
  auto live = Waiting();
  auto ended = Waiting();
  ended->status = ExecutionStatus::kStopped;
  TimerQueue q;
  q.Add(At(5), ended, 1, 3);
  {
    auto gone = Waiting();
    q.Add(At(6), gone, 1, 3);
  }
  q.Add(At(7), live, 1, 2);  // an older wait of the live frame
  q.Add(At(8), live, 1, 3);
  q.DropStale();
  CHECK(q.size() == 1);
  CHECK(q.Next() == At(8));
  // Timers of executions that are gone are not handed out either.
  TimerQueue q2;
  {
    auto gone = Waiting();
    q2.Add(At(1), gone, 1, 3);
  }
  CHECK(q2.PopDue(At(100)).empty());
  CHECK(q2.empty());
}

}  // namespace
}  // namespace fnf::internal

// Schedules on worker threads: a ManualClock moved forward wakes the workers,
// which start the due ticks' executions; schedule calls race the firing.
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf {
namespace {

TEST_CASE("Worker threads fire schedules when the clock moves",
          "[concurrency]") {
  ManualClock clock;
  // Declared before the engine so that they outlive its workers, which may
  // still be inside the handler's notify when the test ends.
  std::mutex mu;
  std::condition_variable cv;
  std::set<std::string> ran;  // execution names seen by the task handler
  Engine engine(EngineOptions{.worker_threads = 2, .clock = &clock});
  engine.RegisterTaskHandler("Svc:Tick", [&](const TaskRequest& r) {
    {
      std::lock_guard<std::mutex> l(mu);
      ran.insert(r.execution_name);
    }
    cv.notify_all();
    return TaskResult::Succeeded("{}");
  });
  REQUIRE(engine
              .CreateFlow({.name = "f",
                           .definition =
                               "Type: StateMachine\nSpecVersion: v1\nStartAt: "
                               "T\nStates:\n  - {Type: Task, Name: T, Action: "
                               "'Svc:Tick', End: true}\n"})
              .ok());
  for (int i = 0; i < 20; ++i) {
    REQUIRE(engine
                .CreateSchedule({.flow_name = "f",
                                 .schedule_name = "s" + std::to_string(i),
                                 .cron_expression = "0 * * * * *"})
                .ok());
  }
  auto wait_for = [&](size_t n) {
    std::unique_lock<std::mutex> l(mu);
    return cv.wait_for(l, std::chrono::seconds(30),
                       [&] { return ran.size() >= n; });
  };
  // While the workers fire minute 1, another thread creates, updates and
  // deletes other schedules of the flow.
  clock.Advance(std::chrono::seconds(60));
  // Catch's assertions are not thread-safe: the editor counts failures and
  // the main thread checks the count after join.
  int edit_failures = 0;
  std::thread editor([&] {
    for (int i = 0; i < 200; ++i) {
      const std::string name = "x" + std::to_string(i);
      if (!engine
               .CreateSchedule({.flow_name = "f",
                                .schedule_name = name,
                                .cron_expression = "0 0 12 * * *"})
               .ok()) {
        ++edit_failures;
      }
      UpdateScheduleRequest u;
      u.flow_name = "f";
      u.schedule_name = name;
      u.cron_expression = "@every 1h";
      if (!engine.UpdateSchedule(u).ok()) ++edit_failures;
      if (!engine.DeleteSchedule("f", name).ok()) ++edit_failures;
    }
  });
  REQUIRE(wait_for(20));
  editor.join();
  CHECK(edit_failures == 0);
  // Half of them disabled or deleted: minute 2 fires the other half.
  for (int i = 0; i < 10; ++i) {
    const std::string name = "s" + std::to_string(i);
    if (i % 2 == 0) {
      UpdateScheduleRequest u;
      u.flow_name = "f";
      u.schedule_name = name;
      u.enable = false;
      CHECK(engine.UpdateSchedule(u).ok());
    } else {
      CHECK(engine.DeleteSchedule("f", name).ok());
    }
  }
  clock.Advance(std::chrono::seconds(60));
  REQUIRE(wait_for(30));
  std::lock_guard<std::mutex> l(mu);
  CHECK(ran.size() == 30);
  for (int i = 0; i < 20; ++i) {
    CHECK(ran.count("s" + std::to_string(i) + "-20190101T000100Z") == 1);
  }
  for (int i = 10; i < 20; ++i) {
    CHECK(ran.count("s" + std::to_string(i) + "-20190101T000200Z") == 1);
  }
}

}  // namespace
}  // namespace fnf

// Callbacks racing task timeouts: whichever comes first wins, and the other is
// refused.
#include <atomic>
#include <mutex>
#include <thread>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf {
namespace {

TEST_CASE("Reports racing task timeouts: exactly one of them ends each task",
          "[concurrency]") {
  ManualClock clock;
  Engine engine(EngineOptions{.worker_threads = 2, .clock = &clock});
  std::mutex mu;
  std::vector<std::string> tokens;
  engine.RegisterTaskHandler("Svc:Ask", [&](const TaskRequest& r) {
    std::lock_guard<std::mutex> l(mu);
    tokens.push_back(r.task_token);
    return TaskResult::Pending();
  });
  REQUIRE(engine
              .CreateFlow(
                  {.name = "race",
                   .definition =
                       "Type: StateMachine\nSpecVersion: v1\nStartAt: T\n"
                       "States:\n  - {Type: Task, Name: T, Action: 'Svc:Ask', "
                       "TaskMode: WaitForCustomCallback, Timeout: 5, "
                       "End: true}\n"})
              .ok());
  const int n = 400;
  for (int i = 0; i < n; ++i) {
    REQUIRE(engine
                .StartExecution({.flow_name = "race",
                                 .execution_name = "e" + std::to_string(i)})
                .ok());
  }
  while (true) {
    std::lock_guard<std::mutex> l(mu);
    if (tokens.size() == static_cast<size_t>(n)) break;
  }
  std::atomic<int> reported{0}, refused{0}, other{0};
  std::thread reporter([&] {
    for (const std::string& t : tokens) {
      Status s = engine.ReportTaskSucceeded(t, R"({"ok":true})");
      if (s.ok()) {
        ++reported;
      } else if (s.code() == "TaskAlreadyCompleted") {
        ++refused;
      } else {
        ++other;
      }
    }
  });
  clock.Advance(
      std::chrono::seconds(5));  // every timeout falls due while reports arrive
  reporter.join();
  CHECK(other == 0);
  CHECK(reported + refused == n);
  int succeeded = 0, timed_out = 0;
  for (int i = 0; i < n; ++i) {
    auto w = engine.WaitExecution("race", "e" + std::to_string(i),
                                  std::chrono::seconds(60));
    REQUIRE(w.ok());
    if (w->status == ExecutionStatus::kSucceeded) ++succeeded;
    if (w->status == ExecutionStatus::kFailed && w->error_code == "FnF.Timeout")
      ++timed_out;
  }
  CHECK(succeeded == reported);
  CHECK(timed_out == refused);
}

}  // namespace
}  // namespace fnf

// Stress: hundreds of Parallel/Map executions on worker threads, and thousands
// of callback tasks reported from other threads at once. Run under
// ThreadSanitizer in CI.
#include <atomic>
#include <mutex>
#include <thread>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf {
namespace {

const char* kFanOut =
    "Type: StateMachine\nSpecVersion: v1\nStartAt: P\nStates:\n"
    "  - Type: Parallel\n"
    "    Name: P\n"
    "    Next: M\n"
    "    Branches:\n"
    "      - StartAt: A\n"
    "        States:\n"
    "          - {Type: Task, Name: A, Action: 'Svc:Echo', End: true}\n"
    "      - StartAt: B\n"
    "        States:\n"
    "          - {Type: Pass, Name: B, End: true}\n"
    "  - Type: Map\n"
    "    Name: M\n"
    "    ItemsPath: $Input.Branch0.items\n"
    "    MaxConcurrency: 3\n"
    "    End: true\n"
    "    Processor:\n"
    "      StartAt: W\n"
    "      States:\n"
    "        - {Type: Task, Name: W, Action: 'Svc:Echo', End: true}\n";

TEST_CASE(
    "Hundreds of Parallel/Map executions with blocking handlers on worker "
    "threads",
    "[concurrency]") {
  Engine engine(EngineOptions{.worker_threads = 4});
  std::atomic<int> calls{0};
  engine.RegisterTaskHandler("Svc:Echo", [&](const TaskRequest& r) {
    ++calls;
    if (r.state_name == "A")
      return TaskResult::Succeeded(R"({"items":[1,2,3,4,5]})");
    return TaskResult::Succeeded(R"({"ok":true})");
  });
  REQUIRE(engine.CreateFlow({.name = "fan", .definition = kFanOut}).ok());
  const int n = 300;
  std::vector<std::thread> starters;
  std::atomic<int> started{
      0};  // Catch2 assertions are not thread-safe: count, check after
  for (int t = 0; t < 3; ++t) {
    starters.emplace_back([&, t] {
      for (int i = t; i < n; i += 3) {
        auto e = engine.StartExecution(
            {.flow_name = "fan", .execution_name = "e" + std::to_string(i)});
        if (e.ok()) ++started;
      }
    });
  }
  for (auto& t : starters) t.join();
  REQUIRE(started == n);
  for (int i = 0; i < n; ++i) {
    auto w = engine.WaitExecution("fan", "e" + std::to_string(i),
                                  std::chrono::seconds(60));
    REQUIRE(w.ok());
    REQUIRE(w->status == ExecutionStatus::kSucceeded);
    REQUIRE(
        w->output ==
        R"({"Items":[{"ok":true},{"ok":true},{"ok":true},{"ok":true},{"ok":true}]})");
  }
  CHECK(calls == n * 6);
}

TEST_CASE(
    "Thousands of callback tasks reported concurrently from other threads",
    "[concurrency]") {
  Engine engine(EngineOptions{.worker_threads = 2});
  std::mutex mu;
  std::vector<std::string> tokens;
  engine.RegisterTaskHandler("Svc:Ask", [&](const TaskRequest& r) {
    std::lock_guard<std::mutex> l(mu);
    tokens.push_back(r.task_token);
    return TaskResult::Pending();
  });
  REQUIRE(engine
              .CreateFlow(
                  {.name = "cb",
                   .definition =
                       "Type: StateMachine\nSpecVersion: v1\nStartAt: T\n"
                       "States:\n  - {Type: Task, Name: T, Action: 'Svc:Ask', "
                       "TaskMode: WaitForCustomCallback, End: true}\n"})
              .ok());
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    REQUIRE(engine
                .StartExecution({.flow_name = "cb",
                                 .execution_name = "e" + std::to_string(i)})
                .ok());
  }
  // Wait until every handler has been called (no sleeps: poll the list under
  // its lock).
  while (true) {
    std::lock_guard<std::mutex> l(mu);
    if (tokens.size() == static_cast<size_t>(n)) break;
  }
  std::atomic<int> ok{0}, already{0};
  std::vector<std::thread> reporters;
  for (int t = 0; t < 4; ++t) {
    reporters.emplace_back([&, t] {
      // Every token is reported twice, by two threads: exactly one report wins.
      for (int i = 0; i < n; ++i) {
        if (i % 2 != t % 2) continue;
        Status s = engine.ReportTaskSucceeded(tokens[i], R"({"v":1})");
        if (s.ok())
          ++ok;
        else if (s.code() == "TaskAlreadyCompleted")
          ++already;
      }
    });
  }
  for (auto& t : reporters) t.join();
  CHECK(ok == n);
  CHECK(already == n);
  for (int i = 0; i < n; ++i) {
    auto w = engine.WaitExecution("cb", "e" + std::to_string(i),
                                  std::chrono::seconds(60));
    REQUIRE(w.ok());
    REQUIRE(w->status == ExecutionStatus::kSucceeded);
    REQUIRE(w->output == R"({"v":1})");
  }
}

}  // namespace
}  // namespace fnf

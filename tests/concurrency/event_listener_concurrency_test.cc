// The event listener with worker threads: run under ThreadSanitizer in CI
// (label "concurrency").
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf {
namespace {

// Two branches whose tasks are answered from another thread while the
// execution's other branch moves on a worker.
const char* kFlow =
    "Type: StateMachine\nSpecVersion: v1\nStartAt: P\nStates:\n"
    "  - Type: Parallel\n"
    "    Name: P\n"
    "    End: true\n"
    "    Branches:\n"
    "      - StartAt: A\n"
    "        States:\n"
    "          - {Type: Pass, Name: A, Next: TA}\n"
    "          - {Type: Task, Name: TA, Action: 'FC:InvokeFunction', End: "
    "true}\n"
    "      - StartAt: B\n"
    "        States:\n"
    "          - {Type: Pass, Name: B, Next: TB}\n"
    "          - {Type: Task, Name: TB, Action: 'FC:InvokeFunction', End: "
    "true}\n";

TEST_CASE(
    "event listener with worker threads: each execution's events once, in "
    "order, one call at a time, all heard when WaitExecution returns",
    "[concurrency]") {
  std::mutex mu;
  std::map<std::string, std::vector<int64_t>> heard;
  std::set<std::string> in_call;  // executions whose listener call is running
  bool overlapped = false;
  EngineOptions options;
  options.worker_threads = 3;
  options.event_listener = [&](const ExecutionEvent& e) {
    {
      std::lock_guard<std::mutex> l(mu);
      overlapped = overlapped || !in_call.insert(e.execution_name).second;
      heard[e.execution_name].push_back(e.event.event_id);
    }
    std::this_thread::yield();
    std::lock_guard<std::mutex> l(mu);
    in_call.erase(e.execution_name);
  };
  Engine engine(options);
  std::vector<std::thread> reporters;
  std::mutex reporters_mu;
  engine.RegisterTaskHandler("FC:InvokeFunction", [&](const TaskRequest& r) {
    std::lock_guard<std::mutex> l(reporters_mu);
    reporters.emplace_back([&engine, token = r.task_token] {
      (void)engine.ReportTaskSucceeded(token, "{}");
    });
    return TaskResult::Pending();
  });
  REQUIRE(engine.CreateFlow({.name = "f", .definition = kFlow}).ok());
  constexpr int kExecutions = 40;
  for (int i = 0; i < kExecutions; ++i) {
    REQUIRE(engine
                .StartExecution({.flow_name = "f",
                                 .execution_name = "e" + std::to_string(i)})
                .ok());
  }
  for (int i = 0; i < kExecutions; ++i) {
    const std::string name = "e" + std::to_string(i);
    auto done = engine.WaitExecution("f", name, std::chrono::seconds(60));
    REQUIRE(done.ok());
    REQUIRE(done->status == ExecutionStatus::kSucceeded);
    auto history = engine.GetExecutionHistory("f", name, 1000);
    REQUIRE(history.ok());
    std::vector<int64_t> expected;
    for (const HistoryEvent& h : history->items) expected.push_back(h.event_id);
    std::lock_guard<std::mutex> l(mu);
    CHECK(heard[name] == expected);
  }
  {
    std::lock_guard<std::mutex> l(reporters_mu);
    for (std::thread& t : reporters) t.join();
  }
  std::lock_guard<std::mutex> l(mu);
  CHECK_FALSE(overlapped);
}

}  // namespace
}  // namespace fnf

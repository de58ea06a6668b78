// What a host uses around the API proper: the event listener, RunUntilIdle and
// WaitExecution in manual mode, and the attempt and deadline of a TaskRequest.
#include <thread>
#include <vector>

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using std::chrono::seconds;
using testing::Flow;

// A Wait, a Task the handler answers, then a Pass.
const std::string kWaitTaskPass = Flow(
    "  - {Type: Wait, Name: Nap, Seconds: 60, Next: Call}\n"
    "  - {Type: Task, Name: Call, Action: 'FC:InvokeFunction', "
    "Next: Done}\n"
    "  - {Type: Pass, Name: Done, End: true}\n",
    "Nap");

struct ListeningEngine {
  explicit ListeningEngine(bool record_history = true) {
    EngineOptions options;
    options.worker_threads = 0;
    options.clock = &clock;
    options.random_seed = 7;
    options.record_history = record_history;
    options.event_listener = [this](const ExecutionEvent& e) {
      heard.push_back(e);
      // Called with no engine lock held: the engine can be asked anything.
      auto d = engine->DescribeExecution(e.flow_name, e.execution_name);
      describe_ok = describe_ok && d.ok();
    };
    engine = std::make_unique<Engine>(options);
    engine->RegisterTaskHandler("Call", [](const TaskRequest&) {
      return TaskResult::Succeeded(R"({"called":true})");
    });
  }
  ManualClock clock;
  std::vector<ExecutionEvent> heard;
  bool describe_ok = true;
  std::unique_ptr<Engine> engine;
};

std::vector<std::string> Types(const std::vector<ExecutionEvent>& events) {
  std::vector<std::string> out;
  for (const ExecutionEvent& e : events) {
    out.push_back(e.event.type +
                  (e.event.step_name.empty() ? "" : " " + e.event.step_name));
  }
  return out;
}

TEST_CASE(
    "event listener: every history event once, in order, as "
    "GetExecutionHistory has it",
    "[engine][listener]") {
  ListeningEngine l;
  REQUIRE(
      l.engine->CreateFlow({.name = "f", .definition = kWaitTaskPass}).ok());
  REQUIRE(l.engine
              ->StartExecution(
                  {.flow_name = "f", .execution_name = "e1", .input = "{}"})
              .ok());
  l.engine->RunReady();
  // Up to the Wait: heard as they happen, before the execution ends.
  CHECK(Types(l.heard) == std::vector<std::string>{"ExecutionStarted",
                                                   "StateEntered Nap",
                                                   "StateStarted Nap"});
  l.clock.Advance(seconds(60));
  l.engine->RunReady();
  auto history = l.engine->GetExecutionHistory("f", "e1");
  REQUIRE(history.ok());
  REQUIRE(l.heard.size() == history->items.size());
  for (size_t i = 0; i < l.heard.size(); ++i) {
    INFO(i);
    const ExecutionEvent& e = l.heard[i];
    const HistoryEvent& h = history->items[i];
    CHECK(e.flow_name == "f");
    CHECK(e.execution_name == "e1");
    CHECK(e.event.event_id == static_cast<int64_t>(i + 1));
    CHECK(e.event.event_id == h.event_id);
    CHECK(e.event.schedule_event_id == h.schedule_event_id);
    CHECK(e.event.type == h.type);
    CHECK(e.event.step_name == h.step_name);
    CHECK(e.event.time == h.time);
    CHECK(e.event.event_detail == h.event_detail);
  }
  CHECK(Types(l.heard).back() == "ExecutionSucceeded");
  CHECK(l.heard[6].event.type == "TaskScheduled");
  CHECK(l.heard[6].event.time == "2019-01-01T00:01:00.000Z");
  CHECK(l.describe_ok);
}

TEST_CASE("event listener: without recorded history there is nothing to hear",
          "[engine][listener]") {
  ListeningEngine l(/*record_history=*/false);
  REQUIRE(
      l.engine->CreateFlow({.name = "f", .definition = kWaitTaskPass}).ok());
  REQUIRE(l.engine->StartExecution({.flow_name = "f", .execution_name = "e1"})
              .ok());
  l.engine->RunUntilIdle();
  CHECK(l.engine->DescribeExecution("f", "e1")->status ==
        ExecutionStatus::kSucceeded);
  CHECK(l.engine->GetExecutionHistory("f", "e1")->items.empty());
  CHECK(l.heard.empty());
}

TEST_CASE(
    "RunUntilIdle moves a ManualClock from timer to timer until only a "
    "report from outside could move the executions",
    "[engine][manual]") {
  testing::ManualEngine m;
  m.Create("f", kWaitTaskPass);
  m.Create("pending",
           Flow("  - {Type: Wait, Name: W, Seconds: 30, Next: T}\n"
                "  - {Type: Task, Name: T, Action: 'MNS:SendMessage', "
                "TaskMode: WaitForCustomCallback, End: true}\n",
                "W"));
  m.engine->RegisterTaskHandler(
      "Call", [](const TaskRequest&) { return TaskResult::Succeeded("{}"); });
  std::string token;
  m.engine->RegisterTaskHandler("T", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  const TimePoint t0 = m.clock.Now();
  REQUIRE(
      m.engine->StartExecution({.flow_name = "f", .execution_name = "a"}).ok());
  REQUIRE(
      m.engine->StartExecution({.flow_name = "pending", .execution_name = "b"})
          .ok());
  // Bounded: the 30 s timer is due, the 60 s one is not.
  CHECK(m.engine->RunUntilIdle(t0 + seconds(45)) > 0);
  CHECK(m.clock.Now() == t0 + seconds(30));
  CHECK(m.engine->DescribeExecution("f", "a")->status ==
        ExecutionStatus::kRunning);
  CHECK(!token.empty());
  // Unbounded: a finishes; b waits for its report, which only the host gives.
  m.engine->RunUntilIdle();
  CHECK(m.clock.Now() == t0 + seconds(60));
  CHECK(m.engine->DescribeExecution("f", "a")->status ==
        ExecutionStatus::kSucceeded);
  CHECK(m.engine->DescribeExecution("pending", "b")->status ==
        ExecutionStatus::kRunning);
  CHECK(m.engine->RunUntilIdle() == 0);
  // The report itself runs the execution on (manual mode, this thread).
  REQUIRE(m.engine->ReportTaskSucceeded(token, "{}").ok());
  m.engine->RunUntilIdle();
  CHECK(m.engine->DescribeExecution("pending", "b")->status ==
        ExecutionStatus::kSucceeded);
}

TEST_CASE(
    "WaitExecution in manual mode returns at once when only the clock "
    "could move the execution",
    "[engine][manual]") {
  testing::ManualEngine m;
  m.Create("f",
           Flow("  - {Type: Wait, Name: W, Seconds: 10, End: true}\n", "W"));
  REQUIRE(m.engine->StartExecution({.flow_name = "f", .execution_name = "e1"})
              .ok());
  // An hour of timeout: blocking for it would hang the test.
  auto w = m.engine->WaitExecution("f", "e1", std::chrono::hours(1));
  REQUIRE(w.ok());
  CHECK(w->status == ExecutionStatus::kRunning);
  CHECK(m.EventTypes("f", "e1") == std::vector<std::string>{"ExecutionStarted",
                                                            "StateEntered",
                                                            "StateStarted"});
  m.clock.Advance(seconds(10));
  w = m.engine->WaitExecution("f", "e1", std::chrono::hours(1));
  REQUIRE(w.ok());
  CHECK(w->status == ExecutionStatus::kSucceeded);
}

TEST_CASE(
    "WaitExecution in manual mode returns at once when a waited-for child "
    "flow can only be moved by the clock",
    "[engine][manual]") {
  testing::ManualEngine m;
  m.Create("child",
           Flow("  - {Type: Wait, Name: W, Seconds: 10, End: true}\n", "W"));
  m.Create("parent", Flow("  - Type: Task\n"
                          "    Name: Sync\n"
                          "    Action: 'FNF:StartExecution'\n"
                          "    TaskMode: WaitForSystemCallback\n"
                          "    Parameters:\n"
                          "      resourceArn: 'acs:fnf:::flow/child'\n"
                          "      executionName: c1\n"
                          "    End: true\n",
                          "Sync"));
  REQUIRE(
      m.engine->StartExecution({.flow_name = "parent", .execution_name = "p1"})
          .ok());
  // Blocking for the timeout is the failure this test looks for.
  const auto before = std::chrono::steady_clock::now();
  auto w = m.engine->WaitExecution("parent", "p1", seconds(20));
  CHECK(std::chrono::steady_clock::now() - before < seconds(5));
  REQUIRE(w.ok());
  CHECK(w->status == ExecutionStatus::kRunning);
  CHECK(m.engine->DescribeExecution("child", "c1")->status ==
        ExecutionStatus::kRunning);
  m.clock.Advance(seconds(10));
  w = m.engine->WaitExecution("parent", "p1", std::chrono::hours(1));
  REQUIRE(w.ok());
  CHECK(w->status == ExecutionStatus::kSucceeded);
  CHECK(m.engine->DescribeExecution("child", "c1")->status ==
        ExecutionStatus::kSucceeded);
}

TEST_CASE(
    "WaitExecution in manual mode waits while a task report may still "
    "come from another thread",
    "[engine][manual]") {
  testing::ManualEngine m;
  m.Create("f", Flow("  - {Type: Task, Name: T, Action: 'MNS:SendMessage', "
                     "TaskMode: WaitForCustomCallback, End: true}\n",
                     "T"));
  std::string token;
  m.engine->RegisterTaskHandler("T", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  REQUIRE(m.engine->StartExecution({.flow_name = "f", .execution_name = "e1"})
              .ok());
  m.engine->RunReady();
  REQUIRE(!token.empty());
  std::thread reporter([&] {
    REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"ok":1})").ok());
  });
  auto w = m.engine->WaitExecution("f", "e1", std::chrono::hours(1));
  reporter.join();
  REQUIRE(w.ok());
  CHECK(w->status == ExecutionStatus::kSucceeded);
  CHECK(w->output == R"({"ok":1})");
}

TEST_CASE("TaskRequest: the attempt number and the deadline of each try",
          "[engine][task]") {
  testing::ManualEngine m;
  m.Create("f", Flow("  - Type: Task\n"
                     "    Name: T\n"
                     "    Action: 'FC:InvokeFunction'\n"
                     "    Timeout: 30\n"
                     "    Retry:\n"
                     "      - {Errors: [Flaky], IntervalSeconds: 5, "
                     "MaxAttempts: 2}\n"
                     "    Next: U\n"
                     "  - {Type: Task, Name: U, Action: 'FC:InvokeFunction', "
                     "End: true}\n",
                     "T"));
  std::vector<TaskRequest> seen;
  m.engine->RegisterTaskHandler("FC:InvokeFunction", [&](const TaskRequest& r) {
    seen.push_back(r);
    if (seen.size() < 3) return TaskResult::Failed("Flaky", "try again");
    return TaskResult::Succeeded("{}");
  });
  const TimePoint t0 = m.clock.Now();
  REQUIRE(m.engine->StartExecution({.flow_name = "f"}).ok());
  m.engine->RunUntilIdle();
  REQUIRE(seen.size() == 4);
  CHECK(seen[0].attempt == 1);
  CHECK(seen[1].attempt == 2);
  CHECK(seen[2].attempt == 3);
  CHECK(seen[0].deadline == t0 + seconds(30));
  CHECK(seen[1].deadline == t0 + seconds(5 + 30));
  CHECK(seen[2].deadline == t0 + seconds(5 + 5 + 30));  // no BackoffRate: 1
  // The next state starts again at 1, and has no timeout.
  CHECK(seen[3].state_name == "U");
  CHECK(seen[3].attempt == 1);
  CHECK(!seen[3].deadline.has_value());
}

}  // namespace
}  // namespace fnf

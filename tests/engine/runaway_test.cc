// Runaway work: a loop that never ends by itself, a flow that starts itself,
// too many executions. The offending execution ends (or can be stopped) with
// a clear error and every other call keeps answering (issue: bad input and
// runaway work, items 4 and 5).
#include <chrono>
#include <functional>
#include <string>

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using testing::Flow;
using testing::ManualEngine;
using Clock = std::chrono::steady_clock;

// Two Pass states that jump to each other for ever.
const std::string kLoop = Flow(
    "  - {Type: Pass, Name: A, Next: B}\n"
    "  - {Type: Pass, Name: B, Next: A}\n");

// Runs `call` and checks it answered within a second.
template <typename F>
auto WithinASecond(const char* what, F call) {
  const Clock::time_point start = Clock::now();
  auto result = call();
  const auto took = Clock::now() - start;
  INFO(what
       << " took "
       << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
       << " ms");
  CHECK(took < std::chrono::seconds(1));
  return result;
}

Status CreateFlow(Engine& engine, const std::string& name,
                  const std::string& definition) {
  CreateFlowRequest r;
  r.name = name;
  r.definition = definition;
  auto f = engine.CreateFlow(r);
  return f.ok() ? Status() : f.status();
}

TEST_CASE(
    "item 4: a loop without history can be described, listed, waited "
    "for and stopped while it runs",
    "[limits][runaway]") {
  EngineOptions options;
  options.worker_threads = 2;
  options.record_history = false;
  options.limits.history_events = size_t{1} << 40;  // the loop never ends
  Engine engine(options);
  REQUIRE(CreateFlow(engine, "loop", kLoop).ok());
  REQUIRE(
      engine.StartExecution({.flow_name = "loop", .execution_name = "e"}).ok());
  for (int round = 0; round < 3; ++round) {
    auto d = WithinASecond("DescribeExecution", [&] {
      return engine.DescribeExecution("loop", "e");
    });
    REQUIRE(d.ok());
    CHECK(d->status == ExecutionStatus::kRunning);
    auto l = WithinASecond("ListExecutions", [&] {
      return engine.ListExecutions({.flow_name = "loop"});
    });
    REQUIRE(l.ok());
    CHECK(l->items.size() == 1);
    auto w = WithinASecond("WaitExecution", [&] {
      return engine.WaitExecution("loop", "e", std::chrono::milliseconds(50));
    });
    REQUIRE(w.ok());
    CHECK(w->status == ExecutionStatus::kRunning);
  }
  auto stopped = WithinASecond("StopExecution", [&] {
    return engine.StopExecution({"loop", "e", "Halt", "a runaway loop"});
  });
  REQUIRE(stopped.ok());
  CHECK(stopped->status == ExecutionStatus::kStopped);
  auto after = engine.WaitExecution("loop", "e", std::chrono::seconds(5));
  CHECK(after->status == ExecutionStatus::kStopped);
  CHECK(after->error_code == "Halt");
}

TEST_CASE("item 4: the transition limit applies without history too",
          "[limits][runaway]") {
  ManualEngine m;
  EngineOptions options;
  options.worker_threads = 0;
  options.clock = &m.clock;
  options.record_history = false;
  Engine engine(options);
  REQUIRE(CreateFlow(engine, "loop", kLoop).ok());
  REQUIRE(
      engine.StartExecution({.flow_name = "loop", .execution_name = "e"}).ok());
  auto done = engine.WaitExecution("loop", "e", std::chrono::seconds(10));
  REQUIRE(done.ok());
  CHECK(done->status == ExecutionStatus::kFailed);
  CHECK(done->error_code == "FnF.HistoryLimitExceeded");
  CHECK(done->error_message ==
        "the execution history would exceed 5000 events");
}

TEST_CASE(
    "item 4: RunReady returns after bounded work on a loop; Wait keeps "
    "its timeout in manual mode",
    "[limits][runaway]") {
  ManualEngine m;
  EngineOptions options;
  options.worker_threads = 0;
  options.clock = &m.clock;
  options.record_history = false;
  options.limits.history_events = size_t{1} << 40;
  Engine engine(options);
  REQUIRE(CreateFlow(engine, "loop", kLoop).ok());
  REQUIRE(
      engine.StartExecution({.flow_name = "loop", .execution_name = "e"}).ok());
  for (int i = 0; i < 3; ++i) {
    size_t jobs = WithinASecond("RunReady", [&] { return engine.RunReady(); });
    CHECK(jobs > 0);  // there is always more: the host calls again
    CHECK(engine.DescribeExecution("loop", "e")->status ==
          ExecutionStatus::kRunning);
  }
  auto w = WithinASecond("WaitExecution", [&] {
    return engine.WaitExecution("loop", "e", std::chrono::milliseconds(100));
  });
  CHECK(w->status == ExecutionStatus::kRunning);
  REQUIRE(engine.StopExecution({"loop", "e", "Halt", ""}).ok());
  engine.RunReady();
  CHECK(engine.DescribeExecution("loop", "e")->status ==
        ExecutionStatus::kStopped);
}

// A flow that starts itself as a child, in `mode`.
std::string SelfStarting(const std::string& mode) {
  return Flow(
      "  - Type: Task\n"
      "    Name: Again\n"
      "    Action: 'FNF:StartExecution'\n"
      "    TaskMode: " +
          mode +
          "\n"
          "    Parameters: {resourceArn: 'acs:fnf:::flow/self'}\n"
          "    End: true\n",
      "Again");
}

TEST_CASE("item 5: a flow that starts itself stops at the child nesting limit",
          "[limits][runaway]") {
  Limits limits;
  limits.child_flow_depth = 5;
  ManualEngine m(limits);
  SECTION("waiting for each child") {
    m.Create("self", SelfStarting("WaitForSystemCallback"));
    Execution e = m.Run("self", "{}", "top");
    CHECK(e.status == ExecutionStatus::kFailed);
    CHECK(e.error_code == "FnF.TaskFailed");
    CHECK(e.error_message ==
          "child flows nest more than 5 levels (Limits::child_flow_depth)");
  }
  SECTION("starting each child and moving on") {
    m.Create("self", SelfStarting("RequestComplete"));
    Execution e = m.Run("self", "{}", "top");
    CHECK(e.status == ExecutionStatus::kSucceeded);
    for (int i = 0; i < 10; ++i) m.engine->RunReady();
    auto all = m.engine->ListExecutions({.flow_name = "self"});
    REQUIRE(all.ok());
    // The top one and five levels of children; the deepest one failed.
    CHECK(all->items.size() == 6);
    int failed = 0;
    for (const Execution& x : all->items) {
      if (x.status == ExecutionStatus::kFailed) {
        ++failed;
        CHECK(x.error_message ==
              "child flows nest more than 5 levels "
              "(Limits::child_flow_depth)");
      }
    }
    CHECK(failed == 1);
  }
  // The engine keeps serving.
  m.Create("other", Flow("  - {Type: Pass, Name: A, End: true}\n"));
  CHECK(m.Run("other").status == ExecutionStatus::kSucceeded);
}

TEST_CASE("item 5: the engine-wide cap on running executions",
          "[limits][runaway]") {
  Limits limits;
  limits.running_executions = 2;
  ManualEngine m(limits);
  m.Create("wait", Flow("  - {Type: Wait, Name: A, Seconds: 10, End: true}\n"));
  REQUIRE(m.engine->StartExecution({.flow_name = "wait", .execution_name = "a"})
              .ok());
  REQUIRE(m.engine->StartExecution({.flow_name = "wait", .execution_name = "b"})
              .ok());
  auto third =
      m.engine->StartExecution({.flow_name = "wait", .execution_name = "c"});
  REQUIRE_FALSE(third.ok());
  CHECK(third.status().code() == "ResourceThrottled");
  CHECK(third.status().message() ==
        "the engine already runs 2 executions, its limit "
        "(Limits::running_executions)");
  // A child start over the cap fails the task that asked for it.
  m.Create("self", SelfStarting("RequestComplete"));
  REQUIRE(m.engine->StopExecution({"wait", "b", "", ""}).ok());
  m.engine->RunReady();
  Execution parent = m.Run("self", "{}", "p");
  CHECK(parent.status == ExecutionStatus::kFailed);
  CHECK(parent.error_code == "ResourceThrottled");
  // Room again once executions end.
  m.clock.Advance(std::chrono::seconds(10));
  m.engine->RunReady();
  CHECK(m.engine->StartExecution({.flow_name = "wait", .execution_name = "c"})
            .ok());
}

}  // namespace
}  // namespace fnf

// Choice, Wait, Parallel, Map, scopes, Retry/Catch, timeouts and stopping,
// through the public API in manual mode with a ManualClock: no test sleeps.
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using std::chrono::seconds;
using testing::Flow;
using testing::ManualEngine;

TimePoint T0() { return ManualClock().Now(); }

TEST_CASE("Choice: the first true condition wins, else Default",
          "[control][choice]") {
  ManualEngine m;
  m.Create("c", Flow("  - Type: Choice\n"
                     "    Name: A\n"
                     "    Branches:\n"
                     "      - Condition: $Input.n > 10\n"
                     "        Next: Big\n"
                     "      - Condition: $Input.n > 5\n"
                     "        Next: Medium\n"
                     "    Default: Small\n"
                     "  - {Type: Pass, Name: Big, OutputConstructor: {size: "
                     "big}, End: true}\n"
                     "  - {Type: Pass, Name: Medium, OutputConstructor: {size: "
                     "medium}, End: true}\n"
                     "  - {Type: Pass, Name: Small, OutputConstructor: {size: "
                     "small}, End: true}\n"));
  CHECK(m.Run("c", R"({"n": 11})").output == R"({"size":"big"})");
  CHECK(m.Run("c", R"({"n": 7})").output == R"({"size":"medium"})");
  CHECK(m.Run("c", R"({"n": 1})").output == R"({"size":"small"})");
}

TEST_CASE(
    "Choice: a condition that fails or is not boolean raises "
    "FnF.ExpressionError",
    "[control][choice]") {
  ManualEngine m;
  m.Create("c", Flow("  - Type: Choice\n"
                     "    Name: A\n"
                     "    Branches:\n"
                     "      - Condition: $Input.n\n"
                     "        Next: B\n"
                     "    Default: B\n"
                     "  - {Type: Succeed, Name: B}\n"));
  Execution e = m.Run("c", R"({"n": 3})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.ExpressionError");
  CHECK(e.error_message.find("$Input.n") != std::string::npos);
}

TEST_CASE("Wait is a timer: it completes when the ManualClock is advanced",
          "[control][wait]") {
  ManualEngine m;
  m.Create("w", Flow("  - {Type: Wait, Name: A, Seconds: 10, Next: B}\n"
                     "  - {Type: Succeed, Name: B}\n"));
  auto e = m.engine->StartExecution({.flow_name = "w", .execution_name = "e1"});
  REQUIRE(e.ok());
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("w", "e1")->status ==
        ExecutionStatus::kRunning);
  REQUIRE(m.engine->NextWakeupTime().has_value());
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(10));
  m.clock.Advance(seconds(9));
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("w", "e1")->status ==
        ExecutionStatus::kRunning);
  m.clock.Advance(seconds(1));
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("w", "e1");
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(d->stopped_time == "2019-01-01T00:00:10.000Z");
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
}

TEST_CASE("Wait Seconds.$ takes its length from the input, checked at run time",
          "[control][wait]") {
  ManualEngine m;
  m.Create("w",
           Flow("  - {Type: Wait, Name: A, Seconds.$: $Input.s, End: true}\n"));
  auto e = m.engine->StartExecution(
      {.flow_name = "w", .execution_name = "ok", .input = R"({"s":3})"});
  m.engine->RunReady();
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(3));
  m.clock.Advance(seconds(3));
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("w", "ok")->status ==
        ExecutionStatus::kSucceeded);
  Execution bad = m.Run("w", R"({"s": 301})", "bad");
  CHECK(bad.status == ExecutionStatus::kFailed);
  CHECK(bad.error_code == "FnF.ExpressionError");
  CHECK(bad.error_message ==
        "expression '$Input.s': Seconds.$ must be a number from 1 to 300, got "
        "301");
}

const char* kParallel =
    "  - Type: Parallel\n"
    "    Name: P\n"
    "    End: true\n"
    "    Branches:\n"
    "      - StartAt: A\n"
    "        States:\n"
    "          - {Type: Pass, Name: A, OutputConstructor: {a.$: $Input.v}, "
    "End: true}\n"
    "      - StartAt: B\n"
    "        States:\n"
    "          - {Type: Wait, Name: B, Seconds: 5, Next: B2}\n"
    "          - {Type: Succeed, Name: B2, OutputConstructor: {b.$: $Input.v + "
    "1}}\n";

TEST_CASE("Parallel: branches run on the same input, output Branch0, Branch1",
          "[control][parallel]") {
  ManualEngine m;
  m.Create("p", Flow(kParallel, "P"));
  auto e = m.engine->StartExecution(
      {.flow_name = "p", .execution_name = "e1", .input = R"({"v":1})"});
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("p", "e1")->status ==
        ExecutionStatus::kRunning);
  m.clock.Advance(seconds(5));
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("p", "e1");
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(d->output == R"({"Branch0":{"a":1},"Branch1":{"b":2}})");
  auto types = m.EventTypes("p", "e1");
  CHECK(std::count(types.begin(), types.end(), "BranchEntered") == 2);
  CHECK(std::count(types.begin(), types.end(), "BranchExited") == 2);
}

TEST_CASE(
    "Parallel: a Fail in a branch cancels the others and fails the execution "
    "with its Code",
    "[control][parallel]") {
  ManualEngine m;
  m.Create("p",
           Flow("  - Type: Parallel\n"
                "    Name: P\n"
                "    End: true\n"
                "    Branches:\n"
                "      - StartAt: W\n"
                "        States:\n"
                "          - {Type: Wait, Name: W, Seconds: 100, End: true}\n"
                "      - StartAt: F\n"
                "        States:\n"
                "          - {Type: Fail, Name: F, Code: Boom, Detail: 'branch "
                "1 broke'}\n",
                "P"));
  Execution e = m.Run("p");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "Boom");
  CHECK(e.error_message == "branch 1 broke");
}

TEST_CASE("Parallel: Catch on the Parallel handles a branch failure",
          "[control][parallel]") {
  ManualEngine m;
  m.Create("p",
           Flow("  - Type: Parallel\n"
                "    Name: P\n"
                "    Next: Ok\n"
                "    Catch:\n"
                "      - Errors: [Boom]\n"
                "        Next: Handled\n"
                "        OutputConstructor:\n"
                "          code.$: $Context.Current.Error.Code\n"
                "          detail.$: $Context.Current.Error.Detail\n"
                "    Branches:\n"
                "      - StartAt: F\n"
                "        States:\n"
                "          - {Type: Fail, Name: F, Code: Boom, Detail: nope}\n"
                "  - {Type: Succeed, Name: Ok}\n"
                "  - {Type: Pass, Name: Handled, End: true}\n",
                "P"));
  Execution e = m.Run("p");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"code":"Boom","detail":"nope"})");
}

const char* kMap =
    "  - Type: Map\n"
    "    Name: M\n"
    "    ItemsPath: $Input.items\n"
    "    End: true\n"
    "    Processor:\n"
    "      StartAt: Double\n"
    "      States:\n"
    "        - {Type: Pass, Name: Double, OutputConstructor: {v.$: $Input.x * "
    "2}, End: true}\n";

TEST_CASE("Map: one iteration per item, output Items in input order",
          "[control][map]") {
  ManualEngine m;
  m.Create("m", Flow(kMap, "M"));
  Execution e = m.Run("m", R"({"items": [{"x":1},{"x":2},{"x":3}]})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"Items":[{"v":2},{"v":4},{"v":6}]})");
  CHECK(m.Run("m", R"({"items": []})").output == R"({"Items":[]})");
  Execution bad = m.Run("m", R"({"items": 5})");
  CHECK(bad.status == ExecutionStatus::kFailed);
  CHECK(bad.error_code == "FnF.ExpressionError");
  CHECK(bad.error_message ==
        "expression '$Input.items': ItemsPath must yield an array, got number");
}

TEST_CASE("Map: ItemConstructor sees $Item, $Input and $Context",
          "[control][map]") {
  ManualEngine m;
  m.Create("m", Flow("  - Type: Map\n"
                     "    Name: M\n"
                     "    ItemsPath: $Input.items\n"
                     "    ItemConstructor:\n"
                     "      item.$: $Item\n"
                     "      tag.$: $Input.tag\n"
                     "      exec.$: $Context.Execution.Name\n"
                     "    End: true\n"
                     "    Processor:\n"
                     "      StartAt: P\n"
                     "      States:\n"
                     "        - {Type: Pass, Name: P, End: true}\n",
                     "M"));
  Execution e = m.Run("m", R"({"items": [1, "two"], "tag": "t"})", "run1");
  CHECK(
      e.output ==
      R"({"Items":[{"item":1,"tag":"t","exec":"run1"},{"item":"two","tag":"t","exec":"run1"}]})");
}

TEST_CASE("Map: concurrency never goes above MaxConcurrency",
          "[control][map]") {
  ManualEngine m;
  std::vector<std::string> tokens;
  m.engine->RegisterTaskHandler("Work", [&](const TaskRequest& r) {
    tokens.push_back(r.task_token);
    return TaskResult::Pending();
  });
  m.Create("m", Flow("  - Type: Map\n"
                     "    Name: M\n"
                     "    ItemsPath: $Input.items\n"
                     "    MaxConcurrency: 2\n"
                     "    End: true\n"
                     "    Processor:\n"
                     "      StartAt: Work\n"
                     "      States:\n"
                     "        - Type: Task\n"
                     "          Name: Work\n"
                     "          Action: 'FC:InvokeFunction'\n"
                     "          TaskMode: WaitForCustomCallback\n"
                     "          OutputConstructor: {r.$: $Output.r}\n"
                     "          End: true\n",
                     "M"));
  auto e = m.engine->StartExecution({.flow_name = "m",
                                     .execution_name = "e1",
                                     .input = R"({"items":[1,2,3,4,5]})"});
  m.engine->RunReady();
  REQUIRE(tokens.size() == 2);  // two at once, never more
  // Complete them out of order: the output keeps the input order.
  REQUIRE(m.engine->ReportTaskSucceeded(tokens[1], R"({"r":"i1"})").ok());
  m.engine->RunReady();
  REQUIRE(tokens.size() == 3);
  REQUIRE(m.engine->ReportTaskSucceeded(tokens[0], R"({"r":"i0"})").ok());
  m.engine->RunReady();
  REQUIRE(tokens.size() == 4);
  for (size_t i : {3u, 2u}) {
    REQUIRE(m.engine
                ->ReportTaskSucceeded(tokens[i],
                                      "{\"r\":\"i" + std::to_string(i) + "\"}")
                .ok());
    m.engine->RunReady();
  }
  REQUIRE(tokens.size() == 5);
  REQUIRE(m.engine->ReportTaskSucceeded(tokens[4], R"({"r":"i4"})").ok());
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("m", "e1");
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(
      d->output ==
      R"({"Items":[{"r":"i0"},{"r":"i1"},{"r":"i2"},{"r":"i3"},{"r":"i4"}]})");
}

TEST_CASE("Scopes nest: a Map in a Parallel branch in a Map",
          "[control][scope]") {
  ManualEngine m;
  m.Create(
      "n",
      Flow("  - Type: Map\n"
           "    Name: Outer\n"
           "    ItemsPath: $Input.rows\n"
           "    End: true\n"
           "    Processor:\n"
           "      StartAt: Par\n"
           "      States:\n"
           "        - Type: Parallel\n"
           "          Name: Par\n"
           "          End: true\n"
           "          Branches:\n"
           "            - StartAt: Inner\n"
           "              States:\n"
           "                - Type: Map\n"
           "                  Name: Inner\n"
           "                  ItemsPath: $Input.cells\n"
           "                  End: true\n"
           "                  Processor:\n"
           "                    StartAt: Cell\n"
           "                    States:\n"
           "                      - {Type: Succeed, Name: Cell}\n"
           "            - StartAt: Count\n"
           "              States:\n"
           "                - Type: Pass\n"
           "                  Name: Count\n"
           "                  OutputConstructor: {n.$: length($Input.cells)}\n"
           "                  End: true\n",
           "Outer"));
  Execution e = m.Run("n", R"({"rows": [{"cells": [1, 2]}, {"cells": []}]})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output ==
        R"({"Items":[{"Branch0":{"Items":[1,2]},"Branch1":{"n":2}},)"
        R"({"Branch0":{"Items":[]},"Branch1":{"n":0}}]})");
}

TEST_CASE("Flow Timeout ends the execution TimedOut and cancels its timers",
          "[control][timeout]") {
  ManualEngine m;
  m.Create("t",
           "Timeout: 30\n" +
               Flow("  - {Type: Wait, Name: A, Seconds: 100, End: true}\n"));
  auto e = m.engine->StartExecution({.flow_name = "t", .execution_name = "e1"});
  m.engine->RunReady();
  m.clock.Advance(seconds(30));
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("t", "e1");
  CHECK(d->status == ExecutionStatus::kTimedOut);
  CHECK(d->error_code == "FnF.Timeout");
  CHECK(d->stopped_time == "2019-01-01T00:00:30.000Z");
  m.clock.Advance(seconds(100));
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("t", "e1")->status ==
        ExecutionStatus::kTimedOut);
  auto types = m.EventTypes("t", "e1");
  REQUIRE(types.size() == 5);
  CHECK(types[3] == "StateTimedOut");
  CHECK(types[4] == "ExecutionTimedOut");
}

TEST_CASE("StopExecution cancels a Wait in a Parallel branch",
          "[control][stop]") {
  ManualEngine m;
  m.Create("p", Flow(kParallel, "P"));
  auto e = m.engine->StartExecution(
      {.flow_name = "p", .execution_name = "e1", .input = R"({"v":1})"});
  m.engine->RunReady();
  auto s = m.engine->StopExecution(
      {.flow_name = "p", .execution_name = "e1", .error = "Halt"});
  REQUIRE(s.ok());
  m.clock.Advance(seconds(5));
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("p", "e1");
  CHECK(d->status == ExecutionStatus::kStopped);
  CHECK(d->error_code == "Halt");
  auto events = m.Events("p", "e1");
  REQUIRE(events.size() >= 3);
  // The Parallel and the Wait in branch 1 are cut short, outer frame first.
  CHECK(events[events.size() - 3].type == "StateAborted");
  CHECK(events[events.size() - 3].step_name == "P");
  CHECK(events[events.size() - 2].type == "StateAborted");
  CHECK(events[events.size() - 2].step_name == "B");
  CHECK(events.back().type == "ExecutionStopped");
}

TEST_CASE("State output over the payload limit fails with FnF.PayloadTooLarge",
          "[control][limits]") {
  Limits limits;
  limits.state_payload_bytes = 20;
  ManualEngine m(limits);
  m.Create("big", Flow("  - {Type: Pass, Name: A, OutputConstructor: {s: "
                       "'aaaaaaaaaaaaaaaaaaaaaaaaa'}, End: true}\n"));
  Execution e = m.Run("big");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.PayloadTooLarge");
  CHECK(e.error_message ==
        "the output of state 'A' is 33 bytes, over the limit of 20 bytes");
}

TEST_CASE("The history cap fails an execution that would exceed it",
          "[control][limits]") {
  Limits limits;
  limits.history_events = 20;
  ManualEngine m(limits);
  m.Create("loop", Flow("  - {Type: Pass, Name: A, Next: B}\n  - {Type: Pass, "
                        "Name: B, Next: A}\n"));
  Execution e = m.Run("loop");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.HistoryLimitExceeded");
  CHECK(m.Events("loop", e.name).size() <= 20);
}

}  // namespace
}  // namespace fnf

namespace fnf {
namespace {

TEST_CASE(
    "Map: Retry runs the whole Map again after its delay, then Catch takes "
    "over",
    "[control][map][retry]") {
  testing::ManualEngine m;
  int calls = 0;
  m.engine->RegisterTaskHandler("Item", [&](const TaskRequest& r) {
    ++calls;
    if (r.input == R"({"v":2})")
      return TaskResult::Failed("ItemBroke", "v is 2");
    return TaskResult::Succeeded(R"({"ok":true})");
  });
  m.Create(
      "mr",
      testing::Flow(
          "  - Type: Map\n"
          "    Name: M\n"
          "    ItemsPath: $Input.items\n"
          "    MaxConcurrency: 1\n"
          "    Retry:\n"
          "      - {Errors: [ItemBroke], MaxAttempts: 1, IntervalSeconds: 3}\n"
          "    Catch:\n"
          "      - Errors: [FnF.ALL]\n"
          "        Next: Caught\n"
          "        OutputConstructor: {code.$: $Context.Current.Error.Code}\n"
          "    End: true\n"
          "    Processor:\n"
          "      StartAt: Item\n"
          "      States:\n"
          "        - {Type: Task, Name: Item, Action: 'Svc:Op', End: true}\n"
          "  - {Type: Pass, Name: Caught, End: true}\n",
          "M"));
  REQUIRE(
      m.engine
          ->StartExecution({.flow_name = "mr",
                            .execution_name = "e1",
                            .input = R"({"items":[{"v":1},{"v":2},{"v":3}]})"})
          .ok());
  m.engine->RunReady();
  CHECK(calls == 2);  // item 0 succeeded, item 1 failed: item 2 never started
  REQUIRE(*m.engine->NextWakeupTime() ==
          m.clock.Now() + std::chrono::seconds(3));
  m.clock.Advance(std::chrono::seconds(3));
  m.engine->RunReady();
  CHECK(calls == 4);  // the retry ran the Map again from its first item
  auto d = m.engine->DescribeExecution("mr", "e1");
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(d->output == R"({"code":"ItemBroke"})");
}

}  // namespace
}  // namespace fnf

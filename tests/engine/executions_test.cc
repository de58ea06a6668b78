// Running Pass/Succeed/Fail flows; DescribeExecution, WaitExecution,
// StopExecution, ListExecutions and GetExecutionHistory.
#include <thread>

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using testing::Flow;
using testing::ManualEngine;

TEST_CASE("A chain of Pass states hands each output to the next", "[run]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, Next: B}\n"
                     "  - {Type: Pass, Name: B, Next: C}\n"
                     "  - {Type: Succeed, Name: C}\n"));
  Execution e = m.Run("f", R"({"k": "v"})", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"k":"v"})");
  CHECK(m.EventTypes("f", "e1") ==
        std::vector<std::string>{
            "ExecutionStarted", "StateEntered", "StateStarted",
            "StateSucceeded", "StateEntered", "StateStarted", "StateSucceeded",
            "StateEntered", "StateStarted", "StateSucceeded",
            "ExecutionSucceeded"});
}

TEST_CASE("States run in Next order, not list order", "[run]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Succeed, Name: Last}\n"
                     "  - {Type: Pass, Name: First, Next: Last}\n",
                     "First"));
  Execution e = m.Run("f", "{}", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  auto events = m.Events("f", "e1");
  CHECK(events[1].step_name == "First");
  CHECK(events[4].step_name == "Last");
}

TEST_CASE("Fail ends the execution with Code and Detail", "[run]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, Next: B}\n"
                     "  - {Type: Fail, Name: B, Code: customBizCode, Detail: "
                     "'it broke'}\n"));
  Execution e = m.Run("f", R"({"a":1})", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "customBizCode");
  CHECK(e.error_message == "it broke");
  CHECK(e.output.empty());
  CHECK_FALSE(e.stopped_time.empty());
  auto events = m.Events("f", "e1");
  REQUIRE(events.size() == 8);
  CHECK(events[6].type == "StateFailed");
  CHECK(events[6].event_detail ==
        R"({"Error":"customBizCode","Cause":"it broke"})");
  CHECK(events[7].type == "ExecutionFailed");
  CHECK(events[7].event_detail ==
        R"({"Error":"customBizCode","Cause":"it broke"})");
}

TEST_CASE(
    "Fail without Code fails with FnF.Failed, End: true on Fail is accepted",
    "[run]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Fail, Name: A, End: true}\n"));
  Execution e = m.Run("f", "{}", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.Failed");
  CHECK(e.error_message.empty());
}

TEST_CASE("History events carry ids, causes, step names, times and details",
          "[history]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, End: true}\n"));
  Execution e = m.Run("f", R"({"x":[1,2]})", "e1");
  REQUIRE(e.status == ExecutionStatus::kSucceeded);
  auto ev = m.Events("f", "e1");
  REQUIRE(ev.size() == 5);
  for (size_t i = 0; i < ev.size(); ++i) {
    CHECK(ev[i].event_id == static_cast<int64_t>(i + 1));
    CHECK(ev[i].time == "2019-01-01T00:00:00.000Z");
  }
  CHECK(ev[0].type == "ExecutionStarted");
  CHECK(ev[0].schedule_event_id == 0);
  CHECK(ev[0].step_name.empty());
  CHECK(ev[0].event_detail == R"({"Input":{"x":[1,2]}})");
  CHECK(ev[1].type == "StateEntered");
  CHECK(ev[1].schedule_event_id == 1);
  CHECK(ev[1].step_name == "A");
  CHECK(ev[2].schedule_event_id == 2);
  CHECK(ev[3].type == "StateSucceeded");
  CHECK(ev[3].event_detail == R"({"Output":{"x":[1,2]}})");
  CHECK(ev[3].schedule_event_id == 3);
  CHECK(ev[4].type == "ExecutionSucceeded");
  CHECK(ev[4].event_detail == R"({"Output":{"x":[1,2]}})");
}

TEST_CASE("GetExecutionHistory pages by event id", "[history]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, Next: B}\n  - {Type: Pass, "
                     "Name: B, End: true}\n"));
  m.Run("f", "{}", "e1");
  auto p1 = m.engine->GetExecutionHistory("f", "e1", 3);
  REQUIRE(p1.ok());
  REQUIRE(p1->items.size() == 3);
  CHECK(p1->next_token == "4");
  auto p2 = m.engine->GetExecutionHistory("f", "e1", 3, p1->next_token);
  CHECK(p2->items[0].event_id == 4);
  auto p3 = m.engine->GetExecutionHistory("f", "e1", 3, p2->next_token);
  CHECK(p3->items.size() == 2);
  CHECK(p3->next_token.empty());
  CHECK(m.engine->GetExecutionHistory("f", "e1", 0, "abc").status().message() ==
        "NextToken 'abc' is invalid: it must be an event id from a previous "
        "page");
  CHECK(m.engine->GetExecutionHistory("f", "e1", 1001).status().message() ==
        "Limit 1001 is invalid: it must be 1 to 1000");
  CHECK(m.engine->GetExecutionHistory("f", "zz").status().code() ==
        "ExecutionNotExists");
  CHECK(m.engine->GetExecutionHistory("zz", "e1").status().code() ==
        "FlowNotExists");
}

TEST_CASE("DescribeExecution of unknown names", "[describe]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, End: true}\n"));
  auto d = m.engine->DescribeExecution("f", "nope");
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().code() == "ExecutionNotExists");
  CHECK(d.status().http_status() == 404);
  CHECK(d.status().message() == "Execution nope for flow f does not exist.");
  CHECK(m.engine->DescribeExecution("g", "nope").status().message() ==
        "Flow g does not exist.");
}

TEST_CASE(
    "StopExecution ends a running execution as Stopped with Error and Cause",
    "[stop]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, End: true}\n"));
  StartExecutionRequest s;
  s.flow_name = "f";
  s.execution_name = "e1";
  REQUIRE(m.engine->StartExecution(s).ok());
  m.clock.Advance(std::chrono::seconds(2));
  StopExecutionRequest stop{"f", "e1", "UserAbort", "no longer needed"};
  auto st = m.engine->StopExecution(stop);
  REQUIRE(st.ok());
  CHECK(st->status == ExecutionStatus::kStopped);
  CHECK(st->error_code == "UserAbort");
  CHECK(st->error_message == "no longer needed");
  CHECK(st->stopped_time == "2019-01-01T00:00:02.000Z");
  m.engine->RunReady();  // nothing of it runs any more
  CHECK(m.engine->DescribeExecution("f", "e1")->status ==
        ExecutionStatus::kStopped);
  CHECK(m.EventTypes("f", "e1") ==
        std::vector<std::string>{"ExecutionStarted", "ExecutionStopped"});
  auto again = m.engine->StopExecution(stop);
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().code() == "ExecutionAlreadyCompleted");
  CHECK(again.status().message() ==
        "Execution 'e1' for flow 'f' has already completed.");
  CHECK(m.engine->StopExecution({"f", "zz", "", ""}).status().code() ==
        "ExecutionNotExists");
  CHECK(m.engine->StopExecution({"f", "e1", std::string(129, 'E'), ""})
            .status()
            .message() ==
        "Error is 129 characters long; it must be at most 128");
}

TEST_CASE("ListExecutions filters by prefix and status and pages by name",
          "[list]") {
  ManualEngine m;
  m.Create("ok", Flow("  - {Type: Pass, Name: A, End: true}\n"));
  for (const char* n : {"b2", "a1", "b1", "b3"}) m.Run("ok", "{}", n);
  StartExecutionRequest s;
  s.flow_name = "ok";
  s.execution_name = "b0";
  REQUIRE(m.engine->StartExecution(s).ok());  // left Running
  ListRequest r;
  r.flow_name = "ok";
  r.name_prefix = "b";
  r.limit = 2;
  auto p = m.engine->ListExecutions(r);
  REQUIRE(p.ok());
  REQUIRE(p->items.size() == 2);
  CHECK(p->items[0].name == "b0");
  CHECK(p->items[1].name == "b1");
  CHECK(p->next_token == "b2");
  r.next_token = p->next_token;
  p = m.engine->ListExecutions(r);
  REQUIRE(p->items.size() == 2);
  CHECK(p->items[1].name == "b3");
  CHECK(p->next_token.empty());
  ListRequest running;
  running.flow_name = "ok";
  running.status = "Running";
  p = m.engine->ListExecutions(running);
  REQUIRE(p->items.size() == 1);
  CHECK(p->items[0].name == "b0");
  running.status = "Done";
  CHECK(m.engine->ListExecutions(running).status().message() ==
        "Status 'Done' is invalid: expected one of Starting, Running, Stopped, "
        "Succeeded, "
        "Failed, TimedOut");
  running.status = "";
  running.limit = 100;
  CHECK(m.engine->ListExecutions(running).status().message() ==
        "Limit 100 is invalid: it must be 1 to 99");
  running.limit = 0;
  running.flow_name = "nope";
  CHECK(m.engine->ListExecutions(running).status().code() == "FlowNotExists");
}

TEST_CASE("WaitExecution in manual mode drives the engine itself", "[wait]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, End: true}\n"));
  StartExecutionRequest s;
  s.flow_name = "f";
  s.execution_name = "e1";
  s.input = R"({"q":true})";
  REQUIRE(m.engine->StartExecution(s).ok());
  auto w = m.engine->WaitExecution("f", "e1", std::chrono::seconds(5));
  REQUIRE(w.ok());
  CHECK(w->status == ExecutionStatus::kSucceeded);
  CHECK(w->output == R"({"q":true})");
}

TEST_CASE("With worker threads, executions run by themselves", "[threads]") {
  Engine engine;  // default options: one worker per core, the system clock
  CreateFlowRequest c;
  c.name = "hello";
  c.definition = Flow(
      "  - {Type: Pass, Name: A, Next: B}\n  - {Type: Succeed, Name: B}\n");
  REQUIRE(engine.CreateFlow(c).ok());
  StartExecutionRequest s;
  s.flow_name = "hello";
  s.input = R"({"a":1})";
  auto e = engine.StartExecution(s);
  REQUIRE(e.ok());
  auto w = engine.WaitExecution("hello", e->name, std::chrono::seconds(30));
  REQUIRE(w.ok());
  CHECK(w->status == ExecutionStatus::kSucceeded);
  CHECK(w->output == R"({"a":1})");
  CHECK(engine.RunReady() == 0);  // nothing for the host to drive
}

TEST_CASE("Seeded engines generate the same names", "[determinism]") {
  auto names = [] {
    ManualEngine m;
    m.Create("f", Flow("  - {Type: Pass, Name: A, End: true}\n"));
    std::vector<std::string> out;
    for (int i = 0; i < 3; ++i) out.push_back(m.Run("f").name);
    return out;
  };
  CHECK(names() == names());
}

TEST_CASE("Status and error-code table", "[status]") {
  CHECK(Status().ok());
  CHECK(Status().http_status() == 200);
  CHECK(Status().code().empty());
  Status s(ErrorCode::kResourceThrottled, "slow down");
  CHECK(s.code() == "ResourceThrottled");
  CHECK(s.http_status() == 429);
  CHECK(s.ToString() == "ResourceThrottled (HTTP 429): slow down");
  CHECK(ErrorCodeHttpStatus(ErrorCode::kInternalServerError) == 500);
  CHECK(ErrorCodeHttpStatus(ErrorCode::kAccessDenied) == 403);
  CHECK(ErrorCodeHttpStatus(ErrorCode::kPreconditionFailed) == 412);
  CHECK(ErrorCodeHttpStatus(ErrorCode::kConcurrentUpdateError) == 409);
  CHECK(ErrorCodeName(ErrorCode::kExecutionAlreadyCompleted) ==
        "ExecutionAlreadyCompleted");
  StatusOr<int> v(7);
  CHECK(*v == 7);
  StatusOr<int> err(Status(ErrorCode::kInvalidArgument, "x"));
  CHECK_FALSE(err.ok());
  CHECK(err.status().message() == "x");
}

}  // namespace
}  // namespace fnf

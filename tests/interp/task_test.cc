// Task states: handlers, task modes, callbacks, timeouts, Retry/Catch, child
// flows and mocks, through the public API in manual mode.
#include <thread>

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using std::chrono::seconds;
using testing::Flow;
using testing::ManualEngine;

TimePoint T0() { return ManualClock().Now(); }

const std::string kTask = Flow(
    "  - Type: Task\n"
    "    Name: Call\n"
    "    Action: 'FC:InvokeFunction'\n"
    "    Parameters:\n"
    "      resourceArn: 'acs:fc:cn-hangzhou:1:functions/f'\n"
    "      body:\n"
    "        who.$: $Input.who\n"
    "    OutputConstructor: {greeting.$: $Output.Body}\n"
    "    End: true\n",
    "Call");

TEST_CASE("A handler gets the TaskRequest and its output becomes $Output",
          "[task]") {
  ManualEngine m;
  TaskRequest seen;
  m.engine->RegisterTaskHandler("FC:InvokeFunction", [&](const TaskRequest& r) {
    seen = r;
    return TaskResult::Succeeded(R"({"Body":"hello ada"})");
  });
  m.Create("t", kTask);
  Execution e = m.Run("t", R"({"who":"ada"})", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"greeting":"hello ada"})");
  CHECK(seen.flow_name == "t");
  CHECK(seen.execution_name == "e1");
  CHECK(seen.state_name == "Call");
  CHECK(seen.action == "FC:InvokeFunction");
  CHECK(seen.resource_arn == "acs:fc:cn-hangzhou:1:functions/f");
  CHECK(seen.task_mode == "RequestComplete");
  CHECK(
      seen.parameters ==
      R"({"resourceArn":"acs:fc:cn-hangzhou:1:functions/f","body":{"who":"ada"}})");
  CHECK(seen.input == R"({"who":"ada"})");
  CHECK(seen.task_token.size() == 36);
  auto types = m.EventTypes("t", "e1");
  CHECK(types == std::vector<std::string>{"ExecutionStarted", "StateEntered",
                                          "StateStarted", "TaskScheduled",
                                          "TaskSucceeded", "StateSucceeded",
                                          "ExecutionSucceeded"});
}

TEST_CASE("Handlers match state name, then resource ARN, then action",
          "[task]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler("FC:InvokeFunction", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"Body":"by action"})");
  });
  m.Create("t", kTask);
  CHECK(m.Run("t").output == R"({"greeting":"by action"})");
  m.engine->RegisterTaskHandler(
      "acs:fc:cn-hangzhou:1:functions/f", [](const TaskRequest&) {
        return TaskResult::Succeeded(R"({"Body":"by arn"})");
      });
  CHECK(m.Run("t").output == R"({"greeting":"by arn"})");
  m.engine->RegisterTaskHandler("Call", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"Body":"by state"})");
  });
  CHECK(m.Run("t").output == R"({"greeting":"by state"})");
}

TEST_CASE("No handler: FnF.TaskFailed naming the action", "[task]") {
  ManualEngine m;
  m.Create("t", kTask);
  Execution e = m.Run("t");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message ==
        "no task handler is registered for state 'Call', resource "
        "'acs:fc:cn-hangzhou:1:functions/f' or action 'FC:InvokeFunction'");
}

TEST_CASE("A handler output that is not a JSON object fails the task",
          "[task]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler("Call", [](const TaskRequest&) {
    return TaskResult::Succeeded("[1,2]");
  });
  m.Create("t", kTask);
  Execution e = m.Run("t");
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message == "the task output must be a JSON object, got array");
}

TEST_CASE(
    "A handler failure raises its error, none given raises FnF.TaskFailed",
    "[task]") {
  ManualEngine m;
  std::string error = "FC.ResourceThrottled";
  m.engine->RegisterTaskHandler("Call", [&](const TaskRequest&) {
    return TaskResult::Failed(error, "too many");
  });
  m.Create("t", kTask);
  Execution e = m.Run("t");
  CHECK(e.error_code == "FC.ResourceThrottled");
  CHECK(e.error_message == "too many");
  error = "";
  CHECK(m.Run("t").error_code == "FnF.TaskFailed");
}

const std::string kCallback = Flow(
    "  - Type: Task\n"
    "    Name: Wait4\n"
    "    Action: 'MNS:SendMessage'\n"
    "    TaskMode: WaitForCustomCallback\n"
    "    Timeout: 60\n"
    "    Parameters:\n"
    "      token.$: $Context.Current.TaskToken\n"
    "    End: true\n",
    "Wait4");

TEST_CASE(
    "WaitForCustomCallback: the token reaches Parameters, ReportTaskSucceeded "
    "completes",
    "[task][callback]") {
  ManualEngine m;
  std::string token, param_token;
  m.engine->RegisterTaskHandler("MNS:SendMessage", [&](const TaskRequest& r) {
    token = r.task_token;
    param_token = r.parameters;
    return TaskResult::Pending();
  });
  m.Create("cb", kCallback);
  REQUIRE(m.engine->StartExecution({.flow_name = "cb", .execution_name = "e1"})
              .ok());
  m.engine->RunReady();
  REQUIRE_FALSE(token.empty());
  CHECK(param_token == "{\"token\":\"" + token + "\"}");
  CHECK(m.engine->DescribeExecution("cb", "e1")->status ==
        ExecutionStatus::kRunning);
  // Bad reports first.
  CHECK(m.engine->ReportTaskSucceeded(token, "[1]").code() ==
        "InvalidArgument");
  CHECK(m.engine->ReportTaskSucceeded(token, "[1]").message() ==
        "Output must be a JSON object, got array");
  CHECK(m.engine->ReportTaskSucceeded("not-a-token", "{}").code() ==
        "InvalidArgument");
  CHECK(m.engine->ReportTaskSucceeded("not-a-token", "{}").message() ==
        "Task token 'not-a-token' is not valid.");
  // From another thread, as a host would.
  Status report;
  std::thread t([&] {
    report = m.engine->ReportTaskSucceeded(token, R"({"done":true})");
  });
  t.join();
  CHECK(report.ok());
  auto second = m.engine->ReportTaskSucceeded(token, R"({"done":false})");
  CHECK(second.code() == "TaskAlreadyCompleted");
  CHECK(second.message() == "Task " + token + " has already completed.");
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("cb", "e1");
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(d->output == R"({"done":true})");
}

TEST_CASE("ReportTaskFailed raises the reported error in the task",
          "[task][callback]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("Wait4", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("cb", kCallback);
  REQUIRE(m.engine->StartExecution({.flow_name = "cb", .execution_name = "e1"})
              .ok());
  m.engine->RunReady();
  REQUIRE(m.engine->ReportTaskFailed(token, "Rejected", "user said no").ok());
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("cb", "e1");
  CHECK(d->status == ExecutionStatus::kFailed);
  CHECK(d->error_code == "Rejected");
  CHECK(d->error_message == "user said no");
  CHECK(m.engine->ReportTaskFailed(token, "X", "").code() ==
        "TaskAlreadyCompleted");
}

TEST_CASE("Task Timeout raises FnF.Timeout and a late report is refused",
          "[task][callback]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("Wait4", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("cb", kCallback);
  REQUIRE(m.engine->StartExecution({.flow_name = "cb", .execution_name = "e1"})
              .ok());
  m.engine->RunReady();
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(60));
  m.clock.Advance(seconds(60));
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("cb", "e1");
  CHECK(d->status == ExecutionStatus::kFailed);
  CHECK(d->error_code == "FnF.Timeout");
  CHECK(m.engine->ReportTaskSucceeded(token, "{}").code() ==
        "TaskAlreadyCompleted");
  auto types = m.EventTypes("cb", "e1");
  CHECK(std::find(types.begin(), types.end(), "TaskTimedOut") != types.end());
}

TEST_CASE("A report for a stopped execution's task is TaskAlreadyCompleted",
          "[task][callback]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("Wait4", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("cb", kCallback);
  REQUIRE(m.engine->StartExecution({.flow_name = "cb", .execution_name = "e1"})
              .ok());
  m.engine->RunReady();
  REQUIRE(m.engine->StopExecution({.flow_name = "cb", .execution_name = "e1"})
              .ok());
  CHECK(m.engine->ReportTaskSucceeded(token, "{}").code() ==
        "TaskAlreadyCompleted");
}

TEST_CASE(
    "Retry with backoff on a ManualClock, RetryCount in $Context, then Catch",
    "[task][retry]") {
  ManualEngine m;
  std::vector<std::string> counts;
  m.engine->RegisterTaskHandler("Flaky", [&](const TaskRequest& r) {
    counts.push_back(r.parameters);
    return TaskResult::Failed("FC.Unknown", "attempt failed");
  });
  m.Create("r", Flow("  - Type: Task\n"
                     "    Name: Flaky\n"
                     "    Action: 'FC:InvokeFunction'\n"
                     "    Parameters: {n.$: $Context.Current.RetryCount}\n"
                     "    Retry:\n"
                     "      - Errors: [FC.ResourceThrottled]\n"
                     "        MaxAttempts: 9\n"
                     "        IntervalSeconds: 1\n"
                     "      - Errors: [FnF.ALL]\n"
                     "        MaxAttempts: 3\n"
                     "        IntervalSeconds: 2\n"
                     "        BackoffRate: 3\n"
                     "        MaxBackoffSeconds: 10\n"
                     "    Catch:\n"
                     "      - Errors: [FnF.ALL]\n"
                     "        Next: Recover\n"
                     "        OutputConstructor:\n"
                     "          code.$: $Context.Current.Error.Code\n"
                     "          why.$: $Context.Current.Error.Detail\n"
                     "          was.$: $Input.x\n"
                     "    End: true\n"
                     "  - {Type: Pass, Name: Recover, End: true}\n",
                     "Flaky"));
  REQUIRE(
      m.engine
          ->StartExecution(
              {.flow_name = "r", .execution_name = "e1", .input = R"({"x":5})"})
          .ok());
  m.engine->RunReady();
  REQUIRE(counts.size() == 1);
  // Delays 2, 6, then min(18, 10) = 10 seconds.
  for (int delay : {2, 6, 10}) {
    REQUIRE(*m.engine->NextWakeupTime() == m.clock.Now() + seconds(delay));
    m.clock.Advance(seconds(delay - 1));
    m.engine->RunReady();
    size_t before = counts.size();
    m.clock.Advance(seconds(1));
    m.engine->RunReady();
    CHECK(counts.size() == before + 1);
  }
  CHECK(counts == std::vector<std::string>{R"({"n":0})", R"({"n":1})",
                                           R"({"n":2})", R"({"n":3})"});
  auto d = m.engine->DescribeExecution("r", "e1");
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(d->output == R"({"code":"FC.Unknown","why":"attempt failed","was":5})");
}

TEST_CASE(
    "Catch without OutputConstructor passes the failed state's effective input",
    "[task][retry]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler(
      "T", [](const TaskRequest&) { return TaskResult::Failed("Oops", ""); });
  m.Create("c", Flow("  - Type: Task\n"
                     "    Name: T\n"
                     "    Action: 'FC:InvokeFunction'\n"
                     "    InputConstructor: {y.$: $Input.x + 1}\n"
                     "    Catch: [{Errors: [Oops], Next: After}]\n"
                     "    End: true\n"
                     "  - {Type: Pass, Name: After, End: true}\n",
                     "T"));
  CHECK(m.Run("c", R"({"x":1})").output == R"({"y":2})");
}

TEST_CASE(
    "Child flows: FNF:StartExecution in RequestComplete and "
    "WaitForSystemCallback",
    "[task][child]") {
  ManualEngine m;
  m.Create("child", Flow("  - {Type: Pass, Name: A, OutputConstructor: {got.$: "
                         "$Input.v}, End: true}\n"));
  m.Create("parent",
           Flow("  - Type: Task\n"
                "    Name: Fire\n"
                "    Action: 'FNF:StartExecution'\n"
                "    Parameters:\n"
                "      resourceArn: 'acs:fnf:::flow/child'\n"
                "      executionName: fired\n"
                "      input: {v: 1}\n"
                "    Next: Sync\n"
                "  - Type: Task\n"
                "    Name: Sync\n"
                "    Action: 'FNF:StartExecution'\n"
                "    TaskMode: WaitForSystemCallback\n"
                "    Parameters:\n"
                "      resourceArn: 'acs:fnf:cn-hangzhou::flow/child'\n"
                "      executionName: waited\n"
                "      input: {v: 2}\n"
                "    OutputConstructor:\n"
                "      first.$: $Input\n"
                "      second.$: $Output\n"
                "    End: true\n",
                "Fire"));
  Execution e = m.Run("parent", "{}", "p1");
  REQUIRE(e.status == ExecutionStatus::kSucceeded);
  auto fired = m.engine->DescribeExecution("child", "fired");
  REQUIRE(fired.ok());
  CHECK(fired->output == R"({"got":1})");
  CHECK(
      e.output.find(
          R"("first":{"FlowName":"child","ExecutionName":"fired","RequestID":")") !=
      std::string::npos);
  CHECK(e.output.find(R"("second":{"got":2}})") != std::string::npos);
}

TEST_CASE("Child flows: a stopped child's Error is what the parent sees",
          "[task][child]") {
  ManualEngine m;
  m.Create("child",
           Flow("  - {Type: Wait, Name: A, Seconds: 100, End: true}\n"));
  m.Create("parent", Flow("  - Type: Task\n"
                          "    Name: Sync\n"
                          "    Action: 'FNF:StartExecution'\n"
                          "    TaskMode: WaitForSystemCallback\n"
                          "    Parameters: {resourceArn: "
                          "'acs:fnf:::flow/child', executionName: c1}\n"
                          "    End: true\n",
                          "Sync"));
  REQUIRE(
      m.engine->StartExecution({.flow_name = "parent", .execution_name = "p1"})
          .ok());
  m.engine->RunReady();
  REQUIRE(m.engine->DescribeExecution("child", "c1")->status ==
          ExecutionStatus::kRunning);
  REQUIRE(
      m.engine
          ->StopExecution({"child", "c1", "AnyCustomError", "stopped by hand"})
          .ok());
  m.engine->RunReady();
  auto p = m.engine->DescribeExecution("parent", "p1");
  CHECK(p->status == ExecutionStatus::kFailed);
  CHECK(p->error_code == "AnyCustomError");
  CHECK(p->error_message == "stopped by hand");
}

TEST_CASE(
    "Mocks: responses in order, the last repeating, failures as {Error, Cause}",
    "[task][mocks]") {
  ManualEngine m;
  REQUIRE(m.engine
              ->LoadMocks("Call:\n"
                          "  - {Body: first}\n"
                          "  - {Error: FC.Unknown, Cause: boom}\n"
                          "  - {Body: last}\n")
              .ok());
  m.Create("t", kTask);
  CHECK(m.Run("t").output == R"({"greeting":"first"})");
  Execution failed = m.Run("t");
  CHECK(failed.error_code == "FC.Unknown");
  CHECK(failed.error_message == "boom");
  CHECK(m.Run("t").output == R"({"greeting":"last"})");
  CHECK(m.Run("t").output == R"({"greeting":"last"})");
  Status bad = m.engine->LoadMocks("Call: [1]\n");
  CHECK(bad.code() == "InvalidArgument");
  CHECK(bad.message() ==
        "Invalid mock file: 1:8: a response of state 'Call' must be an output "
        "object or {Error, "
        "Cause}, got number");
}

}  // namespace
}  // namespace fnf

namespace fnf {
namespace {

TEST_CASE(
    "Child flows: WaitForCustomCallback starts the child and waits for a "
    "report",
    "[task][child]") {
  testing::ManualEngine m;
  m.Create("child", testing::Flow("  - {Type: Pass, Name: A, End: true}\n"));
  m.Create("parent",
           testing::Flow("  - Type: Task\n"
                         "    Name: Custom\n"
                         "    Action: 'FNF:StartExecution'\n"
                         "    TaskMode: WaitForCustomCallback\n"
                         "    Parameters:\n"
                         "      resourceArn: 'acs:fnf:::flow/child'\n"
                         "      executionName: c1\n"
                         "      input:\n"
                         "        token.$: $Context.Current.TaskToken\n"
                         "    End: true\n",
                         "Custom"));
  REQUIRE(
      m.engine->StartExecution({.flow_name = "parent", .execution_name = "p1"})
          .ok());
  m.engine->RunReady();
  auto child = m.engine->DescribeExecution("child", "c1");
  REQUIRE(child.ok());
  CHECK(child->status == ExecutionStatus::kSucceeded);
  // The child finishing does not complete the parent: a custom report does.
  CHECK(m.engine->DescribeExecution("parent", "p1")->status ==
        ExecutionStatus::kRunning);
  std::string token = child->output.substr(10, 36);  // {"token":"<36>"}
  REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"approved":true})").ok());
  m.engine->RunReady();
  auto p = m.engine->DescribeExecution("parent", "p1");
  CHECK(p->status == ExecutionStatus::kSucceeded);
  CHECK(p->output == R"({"approved":true})");
}

TEST_CASE("Task Timeout.$ takes the timeout from the input",
          "[task][callback]") {
  testing::ManualEngine m;
  m.engine->RegisterTaskHandler(
      "T", [](const TaskRequest&) { return TaskResult::Pending(); });
  m.Create("t", testing::Flow("  - Type: Task\n"
                              "    Name: T\n"
                              "    Action: 'Svc:Op'\n"
                              "    TaskMode: WaitForCustomCallback\n"
                              "    Timeout.$: $Input.t\n"
                              "    End: true\n",
                              "T"));
  REQUIRE(m.engine
              ->StartExecution({.flow_name = "t",
                                .execution_name = "e1",
                                .input = R"({"t":"7"})"})
              .ok());
  m.engine->RunReady();
  CHECK(*m.engine->NextWakeupTime() == m.clock.Now() + std::chrono::seconds(7));
  m.clock.Advance(std::chrono::seconds(7));
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("t", "e1")->error_code == "FnF.Timeout");
}

TEST_CASE("A Parallel history, event by event, with causes",
          "[task][history]") {
  testing::ManualEngine m;
  m.Create("p", testing::Flow("  - Type: Parallel\n"
                              "    Name: P\n"
                              "    End: true\n"
                              "    Branches:\n"
                              "      - StartAt: A\n"
                              "        States:\n"
                              "          - {Type: Pass, Name: A, End: true}\n"
                              "      - StartAt: B\n"
                              "        States:\n"
                              "          - {Type: Pass, Name: B, End: true}\n",
                              "P"));
  m.Run("p", "{}", "e1");
  struct Want {
    int64_t id, cause;
    const char* type;
    const char* step;
  };
  std::vector<Want> want = {
      {1, 0, "ExecutionStarted", ""},     {2, 1, "StateEntered", "P"},
      {3, 2, "StateStarted", "P"},        {4, 3, "BranchEntered", "P"},
      {5, 3, "BranchEntered", "P"},       {6, 4, "StateEntered", "A"},
      {7, 6, "StateStarted", "A"},        {8, 7, "StateSucceeded", "A"},
      {9, 8, "BranchExited", "P"},        {10, 5, "StateEntered", "B"},
      {11, 10, "StateStarted", "B"},      {12, 11, "StateSucceeded", "B"},
      {13, 12, "BranchExited", "P"},      {14, 13, "StateSucceeded", "P"},
      {15, 14, "ExecutionSucceeded", ""},
  };
  auto events = m.Events("p", "e1");
  REQUIRE(events.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    INFO("event " << i + 1);
    CHECK(events[i].event_id == want[i].id);
    CHECK(events[i].schedule_event_id == want[i].cause);
    CHECK(events[i].type == want[i].type);
    CHECK(events[i].step_name == want[i].step);
  }
  CHECK(events[4].event_detail == R"({"Index":1})");
  CHECK(events[12].event_detail == R"({"Index":1,"Output":{}})");
  CHECK(events[13].event_detail == R"({"Output":{"Branch0":{},"Branch1":{}}})");
}

}  // namespace
}  // namespace fnf

// The life of a task token through the public API: valid while its task
// waits, TaskAlreadyCompleted once the task ended (answered, timed out or
// stopped), and never in the way of telling that nothing can move an
// execution any more.
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using std::chrono::seconds;
using testing::Flow;
using testing::ManualEngine;

const std::string kCallback = Flow(
    "  - Type: Task\n"
    "    Name: Call\n"
    "    Action: 'FC:InvokeFunction'\n"
    "    TaskMode: WaitForCustomCallback\n"
    "    Timeout: 10\n"
    "    End: true\n",
    "Call");

struct Callbacks {
  explicit Callbacks(ManualEngine* m) {
    m->engine->RegisterTaskHandler("FC:InvokeFunction",
                                   [this](const TaskRequest& r) {
                                     tokens.push_back(r.task_token);
                                     return TaskResult::Pending();
                                   });
  }
  std::vector<std::string> tokens;
};

TEST_CASE("Task tokens: the first report wins, later ones are refused",
          "[task][tokens]") {
  ManualEngine m;
  Callbacks c(&m);
  m.Create("t", kCallback);
  m.Run("t", "{}", "e1");
  REQUIRE(c.tokens.size() == 1);
  REQUIRE(m.engine->ReportTaskSucceeded(c.tokens[0], R"({"a":1})").ok());
  Status again = m.engine->ReportTaskFailed(c.tokens[0], "E", "");
  CHECK(again.code() == "TaskAlreadyCompleted");
  CHECK(again.message() == "Task " + c.tokens[0] + " has already completed.");
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("t", "e1")->output == R"({"a":1})");
}

TEST_CASE("Task tokens: a timed-out or stopped task's token is completed",
          "[task][tokens]") {
  ManualEngine m;
  Callbacks c(&m);
  m.Create("t", kCallback);
  m.Run("t", "{}", "late");
  REQUIRE(c.tokens.size() == 1);
  m.clock.Advance(seconds(10));
  m.engine->RunReady();
  CHECK(m.engine->DescribeExecution("t", "late")->error_code == "FnF.Timeout");
  CHECK(m.engine->ReportTaskSucceeded(c.tokens[0], "{}").code() ==
        "TaskAlreadyCompleted");
  m.Run("t", "{}", "stop-me");
  REQUIRE(c.tokens.size() == 2);
  REQUIRE(m.engine->StopExecution({"t", "stop-me", "", ""}).ok());
  CHECK(m.engine->ReportTaskSucceeded(c.tokens[1], "{}").code() ==
        "TaskAlreadyCompleted");
  CHECK(m.engine->ReportTaskSucceeded("no-such-token", "{}").message() ==
        "Task token 'no-such-token' is not valid.");
}

TEST_CASE(
    "Task tokens: once every task has ended, a stuck sync execution returns",
    "[task][tokens]") {
  // Manual mode on a manual clock: StartSyncExecution returns when nothing
  // can move the execution. Tasks that ended long ago must not count as
  // something that might still report.
  ManualEngine m;
  m.engine->RegisterTaskHandler("FC:InvokeFunction", [](const TaskRequest&) {
    return TaskResult::Succeeded("{}");
  });
  m.Create("t", Flow("  - {Type: Task, Name: Call, Action: 'FC:InvokeFunction',"
                     " End: true}\n",
                     "Call"));
  CHECK(m.Run("t").status == ExecutionStatus::kSucceeded);
  m.Create("wait",
           Flow("  - {Type: Wait, Name: W, Seconds: 10, End: true}\n", "W"),
           "Express");
  StartExecutionRequest start;
  start.flow_name = "wait";
  StatusOr<Execution> e = m.engine->StartSyncExecution(start);
  REQUIRE(e.ok());
  CHECK(e->status == ExecutionStatus::kRunning);
}

}  // namespace
}  // namespace fnf

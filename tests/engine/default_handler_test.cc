// Engine::SetDefaultTaskHandler: the handler of tasks that nothing else takes.
#include <string>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

const char kTwoTasks[] =
    "  - {Type: Task, Name: A, Action: 'MNS:SendMessage', TaskMode: "
    "WaitForCustomCallback, Next: B}\n"
    "  - {Type: Task, Name: B, Action: 'FC:InvokeFunction', End: true}\n";

TEST_CASE("The default task handler takes the tasks no handler matches") {
  testing::ManualEngine m;
  std::vector<std::string> seen;
  m.engine->SetDefaultTaskHandler([&](const TaskRequest& r) {
    seen.push_back(r.state_name + ":" + r.task_mode);
    return TaskResult::Pending();
  });
  m.engine->RegisterTaskHandler("B", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"b":1})");
  });
  m.Create("f", testing::Flow(kTwoTasks));
  Execution e = m.Run("f", "{}", "e1");
  REQUIRE(seen == std::vector<std::string>{"A:WaitForCustomCallback"});
  CHECK(e.status == ExecutionStatus::kRunning);
  // The held task completes through its token; B goes to its own handler.
  std::string token;
  m.engine->SetDefaultTaskHandler([&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  Execution second = m.Run("f", "{}", "e2");
  REQUIRE(!token.empty());
  REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"a":1})").ok());
  m.engine->RunReady();
  auto done = m.engine->DescribeExecution("f", "e2");
  REQUIRE(done.ok());
  CHECK(done->status == ExecutionStatus::kSucceeded);
  CHECK(done->output == R"({"b":1})");
  (void)second;
}

TEST_CASE(
    "Without a default handler an unmatched task fails; removing it restores "
    "that") {
  testing::ManualEngine m;
  m.engine->SetDefaultTaskHandler(
      [](const TaskRequest&) { return TaskResult::Succeeded("{}"); });
  m.engine->SetDefaultTaskHandler(nullptr);
  m.Create("f", testing::Flow(
                    "  - {Type: Task, Name: A, Action: 'FC:InvokeFunction', "
                    "End: true}\n"));
  Execution e = m.Run("f");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskFailed");
}

TEST_CASE("Built-in child flows are not given to the default handler") {
  testing::ManualEngine m;
  int calls = 0;
  m.engine->SetDefaultTaskHandler([&](const TaskRequest&) {
    ++calls;
    return TaskResult::Failed("Wrong", "default handler called");
  });
  m.Create("child", testing::Flow("  - {Type: Pass, Name: A, End: true}\n"));
  m.Create("parent", testing::Flow("  - Type: Task\n"
                                   "    Name: A\n"
                                   "    Action: 'FNF:StartExecution'\n"
                                   "    TaskMode: WaitForSystemCallback\n"
                                   "    Parameters:\n"
                                   "      resourceArn: 'acs:fnf:::flow/child'\n"
                                   "    End: true\n"));
  Execution e = m.Run("parent");
  CHECK(calls == 0);
  CHECK(e.status == ExecutionStatus::kSucceeded);
}

}  // namespace
}  // namespace fnf

// TaskDispatcher on its own: who answers a task (mock, handler by state name,
// resource ARN or action, the built-in integration, else a failure) and how
// answers become outcomes.
#include "dispatch/task_dispatcher.h"

#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

TaskCall Call(std::string state, std::string arn, std::string action) {
  TaskCall c;
  c.request.state_name = std::move(state);
  c.request.resource_arn = std::move(arn);
  c.request.action = std::move(action);
  return c;
}

TaskHandler Answer(std::string output) {
  return [output](const TaskRequest&) { return TaskResult::Succeeded(output); };
}

TEST_CASE("TaskDispatcher: mock, then state, ARN, action, then built-in",
          "[dispatch]") {
  int builtin_calls = 0;
  TaskDispatcher d([&](const TaskCall& c) -> std::optional<TaskResult> {
    ++builtin_calls;
    if (c.request.action != "FNF:StartExecution") return std::nullopt;
    return TaskResult::Succeeded(R"({"by":"builtin"})");
  });
  d.RegisterHandler("act", Answer(R"({"by":"action"})"));
  d.RegisterHandler("arn", Answer(R"({"by":"arn"})"));
  d.RegisterHandler("S", Answer(R"({"by":"state"})"));
  CHECK(d.Call(Call("S", "arn", "act"))->output.Serialize() ==
        R"({"by":"state"})");
  CHECK(d.Call(Call("T", "arn", "act"))->output.Serialize() ==
        R"({"by":"arn"})");
  CHECK(d.Call(Call("T", "x", "act"))->output.Serialize() ==
        R"({"by":"action"})");
  CHECK(builtin_calls == 0);
  CHECK(d.Call(Call("T", "x", "FNF:StartExecution"))->output.Serialize() ==
        R"({"by":"builtin"})");
  std::optional<TaskOutcome> none = d.Call(Call("T", "x", "y"));
  REQUIRE(none);
  CHECK_FALSE(none->succeeded);
  CHECK(none->error.code == "FnF.TaskFailed");
  CHECK(none->error.detail ==
        "no task handler is registered for state 'T', resource 'x' or action "
        "'y'");
  CHECK(builtin_calls == 2);

  REQUIRE(d.LoadMocks("S:\n  - {by: mock}\n").ok());
  CHECK(d.Call(Call("S", "arn", "act"))->output.Serialize() ==
        R"({"by":"mock"})");
}

TEST_CASE("TaskDispatcher: a pending answer has no outcome yet", "[dispatch]") {
  TaskDispatcher d(nullptr);
  d.RegisterHandler("S",
                    [](const TaskRequest&) { return TaskResult::Pending(); });
  CHECK_FALSE(d.Call(Call("S", "", "")).has_value());
}

TEST_CASE("TaskDispatcher::ToOutcome checks outputs and names errors",
          "[dispatch]") {
  TaskOutcome ok =
      TaskDispatcher::ToOutcome(TaskResult::Succeeded("{}"), false);
  CHECK(ok.succeeded);
  TaskOutcome array =
      TaskDispatcher::ToOutcome(TaskResult::Succeeded("[1]"), false);
  CHECK_FALSE(array.succeeded);
  CHECK(array.error.code == "FnF.TaskFailed");
  CHECK(array.error.detail ==
        "the task output must be a JSON object, got array");
  // Legacy tasks may answer with any JSON.
  CHECK(
      TaskDispatcher::ToOutcome(TaskResult::Succeeded("[1]"), true).succeeded);
  TaskOutcome bad =
      TaskDispatcher::ToOutcome(TaskResult::Succeeded("{"), false);
  CHECK(bad.error.code == "FnF.TaskFailed");
  CHECK(bad.error.detail.rfind("the task output is not valid JSON: ", 0) == 0);
  TaskOutcome failed =
      TaskDispatcher::ToOutcome(TaskResult::Failed("", "why"), false);
  CHECK(failed.error.code == "FnF.TaskFailed");
  CHECK(failed.error.detail == "why");
  CHECK(TaskDispatcher::ToOutcome(TaskResult::Failed("My.Error", ""), false)
            .error.code == "My.Error");
}

}  // namespace
}  // namespace fnf::internal

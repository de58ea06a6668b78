// Legacy task steps that name a cloud API operation with `action:` instead of
// a resourceArn, as Alibaba's own sample flows do: the action and its
// serviceParams reach the host's handler; `action: fnf:StartExecution` is the
// built-in child-flow integration, in every pattern. And `$context.step
// .eventId`, which such flows use to start afresh before the history limit.
#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

const std::string kSendMessage = Legacy(
    "  - type: task\n"
    "    name: notify\n"
    "    action: mns:SendMessage\n"
    "    inputMappings:\n"
    "      - target: queue\n"
    "        source: $input.queueName\n"
    "      - target: body\n"
    "        source: $input.message\n"
    "    serviceParams:\n"
    "      QueueName: $.queue\n"
    "      MessageBody: $.body\n"
    "      Priority: 8\n"
    "    outputMappings:\n"
    "      - target: messageId\n"
    "        source: $local.MessageId\n");

TEST_CASE(
    "legacy action: the handler registered for the action gets it with "
    "serviceParams mapped through inputMappings",
    "[legacy][engine]") {
  ManualEngine m;
  TaskRequest seen;
  int calls = 0;
  m.engine->RegisterTaskHandler("mns:SendMessage", [&](const TaskRequest& r) {
    seen = r;
    ++calls;
    return TaskResult::Succeeded(R"({"MessageId":"m-1"})");
  });
  m.Create("notify", kSendMessage);
  Execution e = m.Run(
      "notify", R"({"queueName":"orders","message":"hi","noise":1})", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"messageId":"m-1"})");
  REQUIRE(calls == 1);
  CHECK(seen.flow_name == "notify");
  CHECK(seen.execution_name == "e1");
  CHECK(seen.state_name == "notify");
  CHECK(seen.action == "mns:SendMessage");
  CHECK(seen.resource_arn.empty());
  CHECK(seen.task_mode == "requestResponse");
  CHECK(seen.parameters ==
        R"({"QueueName":"orders","MessageBody":"hi","Priority":8})");
  CHECK(seen.input == R"({"queue":"orders","body":"hi"})");
  // The history's TaskScheduled names the action.
  std::string scheduled;
  for (const HistoryEvent& ev : m.Events("notify", "e1")) {
    if (ev.type == "TaskScheduled") scheduled = ev.event_detail;
  }
  CHECK(scheduled ==
        R"({"Action":"mns:SendMessage","ResourceArn":"","TaskMode":)"
        R"("requestResponse","Parameters":{"QueueName":"orders",)"
        R"("MessageBody":"hi","Priority":8}})");
}

TEST_CASE("legacy action: without a handler the task fails naming the action",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("notify", kSendMessage);
  Execution e = m.Run("notify", R"({"queueName":"q","message":"m"})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message ==
        "no task handler is registered for state 'notify', resource '' or "
        "action 'mns:SendMessage'");
}

TEST_CASE("legacy action: the step needs resourceArn or a well-formed action",
          "[legacy][engine]") {
  ManualEngine m;
  auto status = [&](const std::string& step) {
    return m.engine->CreateFlow({.name = "bad", .definition = Legacy(step)})
        .status();
  };
  Status none = status("  - type: task\n    name: t\n");
  CHECK(none.code() == "InvalidArgument");
  CHECK(none.message() ==
        "Invalid flow definition: 4:5: steps[0]: missing required field "
        "'resourceArn' or 'action'");
  for (const char* bad : {"StartExecution", "fnf:", ":Op", "a:b:c", "a b:c"}) {
    INFO(bad);
    Status s = status("  - type: task\n    name: t\n    action: '" +
                      std::string(bad) + "'\n");
    CHECK(s.message() ==
          "Invalid flow definition: 6:13: steps[0].action: action must be "
          "<Product>:<Operation>, e.g. fnf:StartExecution, got '" +
              std::string(bad) + "'");
  }
}

// The child: says which execution it was and what it got.
const std::string kChild = Legacy(
    "  - type: pass\n"
    "    name: work\n"
    "    outputMappings:\n"
    "      - target: by\n"
    "        source: $context.execution.name\n"
    "      - target: got\n"
    "        source: $input\n");

std::string StartChild(const std::string& pattern,
                       const std::string& extra = "") {
  return Legacy(
      "  - type: task\n"
      "    name: start\n"
      "    action: fnf:StartExecution\n"
      "    pattern: " +
      pattern + "\n" + extra +
      "    serviceParams:\n"
      "      FlowName: child\n"
      "      ExecutionName: $.runName\n"
      "      Input: $\n");
}

TEST_CASE(
    "action fnf:StartExecution, requestResponse: the step goes on with "
    "the started execution's names",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("child", kChild);
  m.Create("parent", StartChild("requestResponse"));
  Execution e = m.Run("parent", R"({"runName":"c-1","order":7})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  Execution child = Describe(m, "child", "c-1");
  CHECK(child.status == ExecutionStatus::kSucceeded);
  CHECK(child.input == R"({"runName":"c-1","order":7})");
  // The RequestID of the child's StartExecution: a UUID.
  const std::string prefix =
      R"({"FlowName":"child","ExecutionName":"c-1","RequestID":")";
  CHECK(e.output.rfind(prefix, 0) == 0);
  CHECK(e.output.size() == prefix.size() + 36 + 2);
}

TEST_CASE(
    "action fnf:StartExecution, sync: the step waits for the child and "
    "takes its output, or its error",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("child", kChild);
  m.Create("parent", StartChild("sync"));
  Execution e = m.Run("parent", R"({"runName":"c-2"})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"by":"c-2","got":{"runName":"c-2"}})");

  m.Create("failing", Legacy("  - type: fail\n    name: no\n"
                             "    error: Child.Broken\n    cause: why\n"));
  m.Create("parent2", Legacy("  - type: task\n"
                             "    name: start\n"
                             "    action: FNF:StartExecution\n"
                             "    pattern: sync\n"
                             "    serviceParams:\n"
                             "      flowName: failing\n"));
  Execution failed = m.Run("parent2");
  CHECK(failed.status == ExecutionStatus::kFailed);
  CHECK(failed.error_code == "Child.Broken");
  CHECK(failed.error_message == "why");
}

TEST_CASE(
    "action fnf:StartExecution, waitForCallback: the child is started and "
    "the step waits for a report to its token",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("child", kChild);
  m.Create("parent", StartChild("waitForCallback",
                                "    inputMappings:\n"
                                "      - target: runName\n"
                                "        source: $input.runName\n"
                                "      - target: token\n"
                                "        source: $context.task.token\n"));
  Start(m, "parent", "p1", R"({"runName":"c-3"})");
  Execution child = Describe(m, "child", "c-3");
  CHECK(child.status == ExecutionStatus::kSucceeded);
  CHECK(Describe(m, "parent", "p1").status == ExecutionStatus::kRunning);
  // The child got the token in its input; whoever holds it reports.
  const std::string prefix = R"({"runName":"c-3","token":")";
  REQUIRE(child.input.rfind(prefix, 0) == 0);
  const std::string token =
      child.input.substr(prefix.size(), child.input.size() - prefix.size() - 2);
  REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"approved":true})").ok());
  m.engine->RunReady();
  Execution parent = Describe(m, "parent", "p1");
  CHECK(parent.status == ExecutionStatus::kSucceeded);
  CHECK(parent.output == R"({"approved":true})");
}

TEST_CASE(
    "action fnf:StartExecution: a missing FlowName or an unknown flow "
    "fails the task",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("parent", Legacy("  - type: task\n"
                            "    name: start\n"
                            "    action: fnf:StartExecution\n"
                            "    serviceParams:\n"
                            "      FlowName: $.flow\n"));
  Execution missing = m.Run("parent", "{}");
  CHECK(missing.status == ExecutionStatus::kFailed);
  CHECK(missing.error_code == "FnF.TaskFailed");
  CHECK(missing.error_message ==
        "fnf:StartExecution needs serviceParams.FlowName, the name of the "
        "flow to start, got null");
  Execution unknown = m.Run("parent", R"({"flow":"nope"})");
  CHECK(unknown.status == ExecutionStatus::kFailed);
  CHECK(unknown.error_code == "FlowNotExists");
}

TEST_CASE(
    "$context.step.eventId is the id of the step's StepEntered event, in "
    "every mapping of the step and on every retry",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> params;
  m.engine->RegisterTaskHandler("flaky", [&](const TaskRequest& r) {
    params.push_back(r.parameters);
    if (params.size() == 1) return TaskResult::Failed("Flaky", "once");
    return TaskResult::Succeeded("{}");
  });
  m.Create("ids", Legacy("  - type: pass\n"
                         "    name: first\n"
                         "  - type: task\n"
                         "    name: flaky\n"
                         "    resourceArn: flaky\n"
                         "    retry:\n"
                         "      - errors: [Flaky]\n"
                         "        intervalSeconds: 0\n"
                         "    inputMappings:\n"
                         "      - target: atInput\n"
                         "        source: $context.step.eventId\n"
                         "    serviceParams:\n"
                         "      id: $context.step.eventId\n"
                         "    outputMappings:\n"
                         "      - target: atInput\n"
                         "        source: $input.atInput\n"
                         "      - target: atOutput\n"
                         "        source: $context.step.eventId\n"));
  Execution e = m.Run("ids", "{}", "e1");
  REQUIRE(e.status == ExecutionStatus::kSucceeded);
  int64_t entered = 0;
  for (const HistoryEvent& ev : m.Events("ids", "e1")) {
    if (ev.type == "StepEntered" && ev.step_name == "flaky") {
      entered = ev.event_id;
    }
  }
  CHECK(entered == 4);  // ExecutionStarted, first's two events, then this
  CHECK(e.output == R"({"atInput":4,"atOutput":4})");
  CHECK(params == std::vector<std::string>{R"({"id":4})", R"({"id":4})"});
}

TEST_CASE(
    "an unknown $context member is named and located when the flow is "
    "created",
    "[legacy][engine]") {
  ManualEngine m;
  Status s = m.engine
                 ->CreateFlow({.name = "bad",
                               .definition = Legacy(
                                   "  - type: pass\n"
                                   "    name: p\n"
                                   "    inputMappings:\n"
                                   "      - target: id\n"
                                   "        source: $context.step.id\n")})
                 .status();
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() ==
        "Invalid flow definition: 8:31: steps[0].inputMappings[0].source: "
        "$context.step has no member 'id' (it has name, eventId) at offset 14 "
        "in '$context.step.id'");
}

}  // namespace
}  // namespace fnf::legacy_engine_testing

// Legacy child flows: a task step with `resourceArn: acs:fnf:::flow/<name>`
// (docs/legacy-fdl.md; docs/behaviour.md), in requestResponse and sync
// patterns, with the child's input and name from serviceParams.
#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

using std::chrono::seconds;

// The child: copies its input's `order` and says which execution it was.
const std::string kShipping = Legacy(
    "  - type: pass\n"
    "    name: ship\n"
    "    outputMappings:\n"
    "      - target: shipped\n"
    "        source: $input.order\n"
    "      - target: by\n"
    "        source: $context.execution.name\n"
    "      - target: got\n"
    "        source: $input\n");

std::string CallChild(const std::string& pattern,
                      const std::string& service_params = "") {
  return Legacy(
      "  - type: task\n"
      "    name: call\n"
      "    resourceArn: acs:fnf:::flow/shipping\n"
      "    pattern: " +
      pattern + "\n" + service_params);
}

TEST_CASE(
    "legacy child flow, sync: without serviceParams the child gets the "
    "step input and its output is the step's local",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("shipping", kShipping);
  m.Create("parent", CallChild("sync"));
  Execution e = m.Run("parent", R"({"order":"o-1"})", "p1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  auto children = m.engine->ListExecutions({.flow_name = "shipping"});
  REQUIRE(children.ok());
  REQUIRE(children->items.size() == 1);
  const Execution& child = children->items[0];
  CHECK(child.status == ExecutionStatus::kSucceeded);
  CHECK(child.input == R"({"order":"o-1"})");
  CHECK(e.output == R"({"shipped":"o-1","by":")" + child.name +
                        R"(","got":{"order":"o-1"}})");
}

TEST_CASE("legacy child flow, sync: serviceParams Input and ExecutionName",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("shipping", kShipping);
  m.Create("parent", CallChild("sync",
                               "    serviceParams:\n"
                               "      Input: $.sub\n"
                               "      ExecutionName: $.runName\n"));
  Execution e = m.Run(
      "parent", R"({"sub":{"order":"o-2","extra":1},"runName":"ship-o-2"})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output ==
        R"({"shipped":"o-2","by":"ship-o-2","got":{"order":"o-2","extra":1}})");
  Execution child = Describe(m, "shipping", "ship-o-2");
  CHECK(child.input == R"({"order":"o-2","extra":1})");
}

TEST_CASE(
    "legacy child flow: `Input: $` passes the mapped input, lower-case "
    "input and executionName work too",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("shipping", kShipping);
  m.Create("parent", CallChild("sync",
                               "    inputMappings:\n"
                               "      - target: order\n"
                               "        source: $input.o\n"
                               "    serviceParams:\n"
                               "      Input: $\n"));
  Execution parent = m.Run("parent", R"({"o":"o-3","noise":1})");
  auto children = m.engine->ListExecutions({.flow_name = "shipping"});
  REQUIRE(children->items.size() == 1);
  CHECK(parent.output == R"({"shipped":"o-3","by":")" +
                             children->items[0].name +
                             R"(","got":{"order":"o-3"}})");
  m.Create("lower", CallChild("sync",
                              "    serviceParams:\n"
                              "      input:\n"
                              "        order: fixed\n"
                              "      executionName: lower-1\n"));
  Execution e = m.Run("lower");
  CHECK(e.output ==
        R"({"shipped":"fixed","by":"lower-1","got":{"order":"fixed"}})");
}

TEST_CASE(
    "legacy child flow: an ExecutionName path that does not resolve "
    "fails the task",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("shipping", kShipping);
  m.Create("parent", CallChild("sync",
                               "    serviceParams:\n"
                               "      ExecutionName: $.runName\n"));
  Execution e = m.Run("parent", R"({"order":"o-4"})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message ==
        "serviceParams.ExecutionName must be a string, got null");
  auto children = m.engine->ListExecutions({.flow_name = "shipping"});
  CHECK(children->items.empty());
}

TEST_CASE(
    "legacy child flow, requestResponse: the step goes on once the "
    "child has started",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("slow_child", Legacy("  - type: wait\n"
                                "    name: w\n"
                                "    duration: 60\n"
                                "  - type: pass\n"
                                "    name: done\n"
                                "    outputMappings:\n"
                                "      - target: done\n"
                                "        source: true\n"));
  m.Create("parent", Legacy("  - type: task\n"
                            "    name: fire\n"
                            "    resourceArn: acs:fnf:::flow/slow_child\n"
                            "    serviceParams:\n"
                            "      ExecutionName: $.name\n"));
  Execution e = m.Run("parent", R"({"name":"c-1"})", "p1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  Execution child = Describe(m, "slow_child", "c-1");
  CHECK(child.status == ExecutionStatus::kRunning);
  // RequestID: the child StartExecution's request id, a UUID.
  const std::string prefix =
      R"({"FlowName":"slow_child","ExecutionName":"c-1","RequestID":")";
  CHECK(e.output.rfind(prefix, 0) == 0);
  CHECK(e.output.size() == prefix.size() + 36 + 2);
  AdvanceToNextWakeup(m);
  CHECK(Describe(m, "slow_child", "c-1").output == R"({"done":true})");
}

const std::string kFailingChild = Legacy(
    "  - type: fail\n"
    "    name: no\n"
    "    error: ChildRefused\n"
    "    cause: the child says no\n");

TEST_CASE(
    "legacy child flow, sync: a failed child fails the task with its "
    "error, which catch can handle",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("refuse", kFailingChild);
  m.Create("parent", Legacy("  - type: task\n"
                            "    name: call\n"
                            "    resourceArn: acs:fnf:::flow/refuse\n"
                            "    pattern: sync\n"
                            "  - type: pass\n"
                            "    name: unreached\n"));
  Execution e = m.Run("parent");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "ChildRefused");
  CHECK(e.error_message == "the child says no");
  m.Create("catching", Legacy("  - type: task\n"
                              "    name: call\n"
                              "    resourceArn: acs:fnf:::flow/refuse\n"
                              "    pattern: sync\n"
                              "    catch:\n"
                              "      - errors: [ChildRefused]\n"
                              "        goto: handled\n"
                              "    errorMappings:\n"
                              "      - target: why\n"
                              "        source: $local.cause\n"
                              "  - type: fail\n"
                              "    name: unreached\n"
                              "  - type: pass\n"
                              "    name: handled\n"));
  e = m.Run("catching");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"why":"the child says no"})");
}

TEST_CASE(
    "legacy child flow, sync: a stopped or timed-out child fails the "
    "task",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("waits", Legacy("  - type: wait\n"
                           "    name: w\n"
                           "    duration: 100\n",
                           "timeoutSeconds: 50\n"));
  m.Create("parent", Legacy("  - type: task\n"
                            "    name: call\n"
                            "    resourceArn: acs:fnf:::flow/waits\n"
                            "    pattern: sync\n"
                            "    serviceParams:\n"
                            "      ExecutionName: $.child\n"));
  Start(m, "parent", "stopped", R"({"child":"c-stop"})");
  REQUIRE(m.engine
              ->StopExecution({.flow_name = "waits",
                               .execution_name = "c-stop",
                               .error = "Halt",
                               .cause = "stopped by hand"})
              .ok());
  m.engine->RunReady();
  Execution e = Describe(m, "parent", "stopped");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "Halt");
  CHECK(e.error_message == "stopped by hand");

  Start(m, "parent", "timed", R"({"child":"c-time"})");
  AdvanceToNextWakeup(m);
  e = Describe(m, "parent", "timed");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.Timeout");
}

TEST_CASE("legacy child flow: an ARN with region and account",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("shipping", kShipping);
  m.Create("parent",
           Legacy("  - type: task\n"
                  "    name: call\n"
                  "    resourceArn: acs:fnf:cn-hangzhou:123:flow/shipping\n"
                  "    pattern: sync\n"
                  "    serviceParams:\n"
                  "      ExecutionName: child-1\n"));
  Execution e = m.Run("parent", R"({"order":"o-5"})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output ==
        R"({"shipped":"o-5","by":"child-1","got":{"order":"o-5"}})");
}

TEST_CASE(
    "legacy child flow, waitForCallback: the child is started and the "
    "step waits for a report with the token",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("shipping", kShipping);
  m.Create("parent", Legacy("  - type: task\n"
                            "    name: call\n"
                            "    resourceArn: acs:fnf:::flow/shipping\n"
                            "    pattern: waitForCallback\n"
                            "    inputMappings:\n"
                            "      - target: order\n"
                            "        source: $input.order\n"
                            "      - target: token\n"
                            "        source: $context.task.token\n"
                            "    serviceParams:\n"
                            "      ExecutionName: child-cb\n"));
  Start(m, "parent", "p1", R"({"order":"o-6"})");
  Execution child = Describe(m, "shipping", "child-cb");
  CHECK(child.status == ExecutionStatus::kSucceeded);
  CHECK(Describe(m, "parent", "p1").status == ExecutionStatus::kRunning);
  const std::string prefix = R"({"order":"o-6","token":")";
  REQUIRE(child.input.rfind(prefix, 0) == 0);
  const std::string token =
      child.input.substr(prefix.size(), child.input.size() - prefix.size() - 2);
  REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"called":"back"})").ok());
  m.engine->RunReady();
  Execution e = Describe(m, "parent", "p1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"called":"back"})");
}

TEST_CASE("legacy child flow: an unknown flow fails the task",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("parent", Legacy("  - type: task\n"
                            "    name: call\n"
                            "    resourceArn: acs:fnf:::flow/nowhere\n"
                            "    pattern: sync\n"));
  Execution e = m.Run("parent");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FlowNotExists");
  CHECK(e.error_message == "Flow nowhere does not exist.");
}

TEST_CASE(
    "legacy child flow: a handler registered for the flow ARN replaces "
    "the built-in integration",
    "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler("acs:fnf:::flow/shipping",
                                [](const TaskRequest&) {
                                  return TaskResult::Succeeded(R"({"mock":1})");
                                });
  m.Create("parent", CallChild("sync"));
  CHECK(m.Run("parent").output == R"({"mock":1})");
}

TEST_CASE(
    "legacy sample: approval by callback, then a sync child flow named "
    "from the input",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("shipping", kShipping);
  m.Create("order", ReadLegacyData("callback_child.yaml"));
  std::string token;
  m.engine->RegisterTaskHandler("approve", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  Start(m, "order", "o-9", R"({"order":{"id":9}})");
  REQUIRE_FALSE(token.empty());
  REQUIRE(
      m.engine->ReportTaskSucceeded(token, R"({"decision":"approved"})").ok());
  m.engine->RunReady();
  Execution e = Describe(m, "order", "o-9");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  // The child is named after $context.execution.name (runName).
  Execution child = Describe(m, "shipping", "o-9");
  CHECK(child.input ==
        R"({"order":{"id":9},"runName":"o-9","approval":"approved"})");
  CHECK(e.output ==
        R"({"approval":"approved","child":{"shipped":{"id":9},"by":"o-9",)"
        R"("got":{"order":{"id":9},"runName":"o-9","approval":"approved"}}})");
}

}  // namespace
}  // namespace fnf::legacy_engine_testing

// Task states: Action, TaskMode, Parameters, Timeout (docs/cloudflow.md,
// docs/behaviour.md).
#include "tests/definition/definition_testing.h"

namespace fnf::internal::definition_testing {
namespace {

using Strings = std::vector<std::string>;

std::string TaskFlow(const std::string& fields) {
  return Flow("  - Name: A\n    Type: Task\n    End: true\n" + fields);
}

TEST_CASE("Task: fields compile into the IR", "[definition]") {
  auto flow = Valid(TaskFlow(R"(    Action: FC:InvokeFunction
    TaskMode: WaitForCustomCallback
    Parameters:
      resourceArn: acs:fc:cn-hangzhou:123:functions/f/LATEST
      invocationType: Async
      body:
        id.$: $Input.id
        token.$: $Context.Current.TaskToken
    Timeout: 30
)"));
  const State& a = flow->top.states[0];
  CHECK(a.type == StateType::kTask);
  const TaskSpec& t = *a.task;
  CHECK(t.action == "FC:InvokeFunction");
  CHECK(t.mode == TaskMode::kWaitForCustomCallback);
  CHECK(t.mode_name == "WaitForCustomCallback");
  CHECK_FALSE(t.parameters.empty());
  CHECK(t.resource_arn == "acs:fc:cn-hangzhou:123:functions/f/LATEST");
  CHECK(t.timeout_seconds == 30);
  CHECK_FALSE(t.timeout_expr.valid());
}

TEST_CASE("Task: defaults with only an Action", "[definition]") {
  auto flow = Valid(TaskFlow("    Action: HTTP:Request\n"));
  const TaskSpec& t = *flow->top.states[0].task;
  CHECK(t.action == "HTTP:Request");
  CHECK(t.mode == TaskMode::kRequestComplete);
  CHECK(t.mode_name == "RequestComplete");
  CHECK(t.parameters.empty());
  CHECK(t.resource_arn.empty());
  CHECK_FALSE(t.timeout_seconds.has_value());
  CHECK_FALSE(t.timeout_expr.valid());
  CHECK(ValidateThroughEngine(TaskFlow("    Action: HTTP:Request\n")).empty());
  CHECK(CreateFlowMessage(TaskFlow("    Action: HTTP:Request\n"), "Standard")
            .empty());
}

TEST_CASE("Task: Action is required, as Service:Operation", "[definition]") {
  CHECK(Problems(TaskFlow("")) ==
        Strings{"5:5: States[0]: missing required field 'Action'"});
  for (const char* bad : {"InvokeFunction", ":Invoke", "'FC:'", "FC:Invoke:Now",
                          "'FC: Invoke'"}) {
    INFO(bad);
    std::string shown = bad;
    if (shown.front() == '\'') shown = shown.substr(1, shown.size() - 2);
    CHECK(Problems(TaskFlow(std::string("    Action: ") + bad + "\n")) ==
          Strings{"8:13: States[0].Action: Action must have the form "
                  "Service:Operation (e.g. FC:InvokeFunction), got '" +
                  shown + "'"});
  }
  CHECK(Problems(TaskFlow("    Action: 12\n")) ==
        Strings{"8:13: States[0].Action: must be a string, found number"});
}

TEST_CASE("Task: TaskMode values, and Express allows RequestComplete only",
          "[definition]") {
  for (const char* mode :
       {"RequestComplete", "WaitForSystemCallback", "WaitForCustomCallback"}) {
    auto flow = Valid(TaskFlow(std::string("    Action: FNF:StartExecution\n"
                                           "    TaskMode: ") +
                               mode + "\n"));
    CHECK(flow->top.states[0].task->mode_name == mode);
  }
  CHECK(Valid(TaskFlow("    Action: FNF:StartExecution\n"
                       "    TaskMode: WaitForSystemCallback\n"))
            ->top.states[0]
            .task->mode == TaskMode::kWaitForSystemCallback);
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n"
                          "    TaskMode: requestResponse\n")) ==
        Strings{"9:15: States[0].TaskMode: unknown TaskMode 'requestResponse' "
                "(expected RequestComplete, WaitForSystemCallback or "
                "WaitForCustomCallback)"});
  const std::string callback = TaskFlow(
      "    Action: FC:InvokeFunction\n    TaskMode: WaitForSystemCallback\n");
  CHECK(Compile(callback, true).problems ==
        Strings{"9:15: States[0].TaskMode: an Express flow supports only "
                "TaskMode RequestComplete, got WaitForSystemCallback"});
  CHECK(CreateFlowMessage(callback, "Express") ==
        "Invalid flow definition: 9:15: States[0].TaskMode: an Express flow "
        "supports only TaskMode RequestComplete, got WaitForSystemCallback");
  CHECK(Compile(TaskFlow("    Action: FC:InvokeFunction\n"
                         "    TaskMode: RequestComplete\n"),
                true)
            .flow != nullptr);
}

TEST_CASE("Task: Parameters is a constructor", "[definition]") {
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n"
                          "    Parameters: text\n")) ==
        Strings{"9:17: States[0].Parameters: must be a map, got string"});
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n"
                          "    Parameters:\n"
                          "      body.$: $Output.x\n")) ==
        Strings{"10:15: States[0].Parameters.body.$: $Output is only available "
                "in OutputConstructor and GlobalConstructor at offset 0 in "
                "'$Output.x'"});
  // A dynamic resourceArn is evaluated at run time; only a static one is
  // copied.
  auto flow =
      Valid(TaskFlow("    Action: FNF:StartExecution\n"
                     "    Parameters:\n"
                     "      resourceArn.$: $Input.arn\n"));
  CHECK(flow->top.states[0].task->resource_arn.empty());
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n"
                          "    Parameters: {resourceArn: 42}\n")) ==
        Strings{"9:31: States[0].Parameters.resourceArn: must be a string, "
                "found number"});
}

TEST_CASE("Task: Timeout as a number or number text, 0 to 604800",
          "[definition]") {
  auto timeout = [](const std::string& value) {
    return Valid(TaskFlow("    Action: FC:InvokeFunction\n    Timeout: " +
                          value + "\n"))
        ->top.states[0]
        .task->timeout_seconds;
  };
  CHECK(timeout("0") == 0);
  CHECK(timeout("'30'") == 30);
  CHECK(timeout("\"604800\"") == 604800);
  CHECK(timeout("60.0") == 60);
  const std::string prefix = "    Action: FC:InvokeFunction\n    Timeout: ";
  CHECK(Problems(TaskFlow(prefix + "604801\n")) ==
        Strings{"9:14: States[0].Timeout: Timeout must be between 0 and "
                "604800 seconds, got 604801"});
  CHECK(Problems(TaskFlow(prefix + "'-5'\n")) ==
        Strings{"9:14: States[0].Timeout: Timeout must be between 0 and "
                "604800 seconds, got -5"});
  CHECK(Problems(TaskFlow(prefix + "1.5\n")) ==
        Strings{"9:14: States[0].Timeout: Timeout must be a whole number of "
                "seconds, got 1.5"});
  CHECK(Problems(TaskFlow(prefix + "30s\n")) ==
        Strings{"9:14: States[0].Timeout: Timeout must be a whole number of "
                "seconds, as a number or as number text such as \"30\", got "
                "'30s'"});
  CHECK(Problems(TaskFlow(prefix + "true\n")) ==
        Strings{"9:14: States[0].Timeout: Timeout must be a whole number of "
                "seconds, found boolean"});
}

TEST_CASE("Task: Timeout.$ is an expression, exclusive with Timeout",
          "[definition]") {
  auto flow =
      Valid(TaskFlow("    Action: FC:InvokeFunction\n"
                     "    Timeout.$: $Input.timeout\n"));
  const TaskSpec& t = *flow->top.states[0].task;
  CHECK(t.timeout_expr.text() == "$Input.timeout");
  CHECK_FALSE(t.timeout_seconds.has_value());
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n"
                          "    Timeout: 5\n"
                          "    Timeout.$: $Input.timeout\n")) ==
        Strings{"10:16: States[0].Timeout.$: Timeout and Timeout.$ cannot "
                "both be set"});
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n"
                          "    Timeout.$: 700000 + 1\n")) ==
        Strings{"9:16: States[0].Timeout.$: Timeout must be between 0 and "
                "604800 seconds, got 700001"});
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n"
                          "    Timeout.$: $Item\n")) ==
        Strings{"9:16: States[0].Timeout.$: $Item is only available in a Map "
                "state's ItemConstructor at offset 0 in '$Item'"});
}

TEST_CASE("Task: Limits.task_timeout_max_seconds is honoured", "[definition]") {
  Limits limits;
  limits.task_timeout_max_seconds = 10;
  CHECK(Problems(TaskFlow("    Action: FC:InvokeFunction\n    Timeout: 11\n"),
                 limits) ==
        Strings{"9:14: States[0].Timeout: Timeout must be between 0 and 10 "
                "seconds, got 11"});
}

TEST_CASE("Task: all problems of one state are reported together",
          "[definition]") {
  CHECK(Problems(TaskFlow("    Action: Nope\n"
                          "    TaskMode: Sometimes\n"
                          "    Timeout: -1\n"
                          "    Resource: x\n")) ==
        Strings{"8:13: States[0].Action: Action must have the form "
                "Service:Operation (e.g. FC:InvokeFunction), got 'Nope'",
                "9:15: States[0].TaskMode: unknown TaskMode 'Sometimes' "
                "(expected RequestComplete, WaitForSystemCallback or "
                "WaitForCustomCallback)",
                "10:14: States[0].Timeout: Timeout must be between 0 and "
                "604800 seconds, got -1",
                "11:15: States[0].Resource: unknown field 'Resource'"});
}

}  // namespace
}  // namespace fnf::internal::definition_testing

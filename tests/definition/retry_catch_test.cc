// Retry and Catch on Task, Parallel and Map (docs/cloudflow.md,
// docs/behaviour.md).
#include "tests/definition/definition_testing.h"

namespace fnf::internal::definition_testing {
namespace {

using Strings = std::vector<std::string>;

// Task A (ends the flow) with `fields`.
std::string TaskFlow(const std::string& fields) {
  return Flow(
      "  - Name: A\n"
      "    Type: Task\n"
      "    Action: FC:InvokeFunction\n"
      "    End: true\n" +
      fields);
}

// The same, then Recover and Other for catchers to go to.
std::string CatchFlow(const std::string& fields) {
  return TaskFlow(fields) +
         "  - {Name: Recover, Type: Pass, End: true}\n"
         "  - {Name: Other, Type: Succeed}\n";
}

TEST_CASE("Retry and Catch compile into the IR", "[definition]") {
  auto flow = Valid(CatchFlow(R"(    Retry:
      - Errors: [FC.ResourceThrottled, FnF.Timeout]
        Description: throttling
        MaxAttempts: 5
        IntervalSeconds: 2
        BackoffRate: 1.5
        MaxBackoffSeconds: 30
      - Errors: [FnF.ALL]
        MaxAttempts: 0
        IntervalSeconds: 0.5
    Catch:
      - Errors: [MyError]
        Description: mine
        Next: Other
      - Errors: [FnF.ALL]
        Next: Recover
        OutputConstructor:
          code.$: $Context.Current.Error.Code
          input.$: $Input
)"));
  const State& a = flow->top.states[0];
  REQUIRE(a.retry.size() == 2);
  CHECK(a.retry[0].errors ==
        std::vector<std::string>{"FC.ResourceThrottled", "FnF.Timeout"});
  CHECK(a.retry[0].max_attempts == 5);
  CHECK(a.retry[0].interval_seconds == 2);
  CHECK(a.retry[0].backoff_rate == 1.5);
  CHECK(a.retry[0].max_backoff_seconds == 30.0);
  CHECK(a.retry[1].errors == std::vector<std::string>{"FnF.ALL"});
  CHECK(a.retry[1].max_attempts == 0);
  CHECK(a.retry[1].interval_seconds == 0.5);
  CHECK(a.retry[1].backoff_rate == 1);
  CHECK_FALSE(a.retry[1].max_backoff_seconds.has_value());
  REQUIRE(a.catchers.size() == 2);
  CHECK(a.catchers[0].errors == std::vector<std::string>{"MyError"});
  CHECK(a.catchers[0].next == 2);
  CHECK(a.catchers[0].output.empty());
  CHECK(a.catchers[1].next == 1);
  CHECK_FALSE(a.catchers[1].output.empty());
}

TEST_CASE("Catch targets make states reachable, many catchers resolve",
          "[definition]") {
  // Enough catchers that a vector growing during parsing would move them.
  std::string catchers = "    Catch:\n";
  for (int i = 0; i < 40; ++i) {
    catchers += "      - {Errors: [E" + std::to_string(i) +
                "], Next: " + (i % 2 == 0 ? "Recover" : "Other") + "}\n";
  }
  auto flow = Valid(CatchFlow(catchers));
  const State& a = flow->top.states[0];
  REQUIRE(a.catchers.size() == 40);
  for (int i = 0; i < 40; ++i) CHECK(a.catchers[i].next == (i % 2 ? 2 : 1));
  CHECK(ValidateThroughEngine(CatchFlow(catchers)).empty());
}

TEST_CASE("Retry: every field is checked", "[definition]") {
  const std::string def = TaskFlow(R"(    Retry:
      - Description: nothing else
      - Errors: []
        MaxAttempts: -1
        IntervalSeconds: 86401
        BackoffRate: 0.5
        MaxBackoffSeconds: 0
      - Errors: [FnF.ALL, 3, '']
        MaxAttempts: 1.5
        IntervalSeconds: '1'
        BackoffRate: fast
        MaxBackoffSeconds: 86401
        Jitter: FULL
      - FnF.ALL
)");
  CHECK(Problems(def) ==
        Strings{
            "10:9: States[0].Retry[0]: missing required field 'Errors'",
            "10:9: States[0].Retry[0]: missing required field 'MaxAttempts'",
            "10:9: States[0].Retry[0]: missing required field "
            "'IntervalSeconds'",
            "11:17: States[0].Retry[1].Errors: must list at least one error "
            "name (FnF.ALL for all)",
            "12:22: States[0].Retry[1].MaxAttempts: MaxAttempts must be "
            "between 0 and 2147483647, got -1",
            "13:26: States[0].Retry[1].IntervalSeconds: IntervalSeconds must "
            "be between 0 and 86400 seconds, got 86401",
            "14:22: States[0].Retry[1].BackoffRate: BackoffRate must be 1 or "
            "more, got 0.5",
            "15:28: States[0].Retry[1].MaxBackoffSeconds: MaxBackoffSeconds "
            "must be more than 0 and at most 86400 seconds, got 0",
            "16:27: States[0].Retry[2].Errors[1]: must be a string, found "
            "number",
            "16:30: States[0].Retry[2].Errors[2]: error name must not be empty",
            "17:22: States[0].Retry[2].MaxAttempts: must be an integer, found "
            "a fraction",
            "18:26: States[0].Retry[2].IntervalSeconds: must be a number, "
            "found string",
            "19:22: States[0].Retry[2].BackoffRate: must be a number, found "
            "string",
            "20:28: States[0].Retry[2].MaxBackoffSeconds: MaxBackoffSeconds "
            "must be more than 0 and at most 86400 seconds, got 86401",
            "21:17: States[0].Retry[2].Jitter: unknown field 'Jitter'",
            "22:9: States[0].Retry[3]: expected an object, found string",
        });
}

TEST_CASE("Retry: the interval limit comes from the engine options",
          "[definition]") {
  Limits limits;
  limits.retry_interval_max_seconds = 10;
  CHECK(Problems(TaskFlow("    Retry: [{Errors: [FnF.ALL], MaxAttempts: 1, "
                          "IntervalSeconds: 11}]\n"),
                 limits) ==
        Strings{"9:66: States[0].Retry[0].IntervalSeconds: IntervalSeconds "
                "must be between 0 and 10 seconds, got 11"});
}

TEST_CASE("Catch: every field is checked", "[definition]") {
  const std::string def = CatchFlow(R"(    Catch:
      - Errors: [FnF.ALL]
      - Errors: [FnF.ALL]
        Next: Nowhere
        ResultPath: $.error
      - Next: Recover
        OutputConstructor:
          a.$: $Output.x
      - Errors: FnF.ALL
        Next: Recover
        OutputConstructor: [1]
)");
  CHECK(Problems(def) ==
        Strings{
            "10:9: States[0].Catch[0]: missing required field 'Next'",
            "12:15: States[0].Catch[1].Next: state 'Nowhere' does not exist "
            "in the top-level States",
            "13:21: States[0].Catch[1].ResultPath: unknown field 'ResultPath'",
            "14:9: States[0].Catch[2]: missing required field 'Errors'",
            "16:16: States[0].Catch[2].OutputConstructor.a.$: $Output is only "
            "available in OutputConstructor and GlobalConstructor at offset 0 "
            "in '$Output.x'",
            "17:17: States[0].Catch[3].Errors: must be a list, found string",
            "19:28: States[0].Catch[3].OutputConstructor: must be a map, got "
            "array",
            // No valid catcher leads to Other.
            "21:5: States[2]: state 'Other' is unreachable: no StartAt, Next, "
            "Default or Catch leads to it",
        });
}

TEST_CASE("Retry and Catch on Parallel and Map, refused on other types",
          "[definition]") {
  const std::string handlers =
      "    Retry: [{Errors: [FnF.ALL], MaxAttempts: 1, IntervalSeconds: 1}]\n"
      "    Catch: [{Errors: [FnF.ALL], Next: B}]\n";
  auto flow = Valid(
      Flow("  - Name: A\n"
           "    Type: Map\n"
           "    ItemsPath: $Input.items\n"
           "    Processor: {StartAt: P, States: [{Name: P, Type: Succeed}]}\n"
           "    Next: B\n" +
           handlers + "  - {Name: B, Type: Succeed}\n"));
  CHECK(flow->top.states[0].catchers[0].next == 1);
  CHECK(flow->top.states[0].retry.size() == 1);
  for (const char* type : {"Pass", "Wait", "Succeed", "Fail"}) {
    INFO(type);
    std::string extra = std::string(type) == "Wait" ? "    Seconds: 1\n" : "";
    CHECK(Problems(Flow("  - Name: A\n    Type: " + std::string(type) +
                        "\n    End: true\n" + extra + handlers +
                        "  - {Name: B, Type: Succeed}\n")) ==
          Strings{
              std::to_string(8 + !extra.empty()) +
                  ":12: States[0].Retry: unknown field 'Retry'",
              std::to_string(9 + !extra.empty()) +
                  ":12: States[0].Catch: unknown field 'Catch'",
              std::to_string(10 + !extra.empty()) +
                  ":5: States[1]: state 'B' is unreachable: no StartAt, Next, "
                  "Default or Catch leads to it",
          });
  }
}

TEST_CASE("Catch targets resolve within the scope of the state",
          "[definition]") {
  const std::string def = Flow(R"(  - Name: A
    Type: Parallel
    Next: Top
    Branches:
      - StartAt: T
        States:
          - Name: T
            Type: Task
            Action: FC:InvokeFunction
            End: true
            Catch:
              - {Errors: [FnF.ALL], Next: Top}
              - {Errors: [FnF.ALL], Next: Inner}
          - {Name: Inner, Type: Succeed}
  - {Name: Top, Type: Succeed}
)");
  CHECK(Problems(def) ==
        Strings{"16:43: States[0].Branches[0].States[0].Catch[0].Next: state "
                "'Top' does not exist in this scope"});
}

}  // namespace
}  // namespace fnf::internal::definition_testing

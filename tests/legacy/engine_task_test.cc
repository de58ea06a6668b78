// Legacy task steps end to end through fnf::Engine (docs/legacy-fdl.md;
// docs/behaviour.md): handler matching by resourceArn, the TaskRequest,
// results, timeouts, retry, catch and errorMappings, callbacks.
#include <algorithm>

#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

using std::chrono::seconds;

const char* const kArn = "acs:fc:::services/demo/functions/hello";

std::string HelloTask(const std::string& pattern = "") {
  return Legacy(
      "  - type: task\n"
      "    name: hello\n"
      "    resourceArn: acs:fc:::services/demo/functions/hello\n" +
      (pattern.empty() ? std::string() : "    pattern: " + pattern + "\n") +
      "    serviceParams:\n"
      "      who: $.name\n"
      "      whole: $\n"
      "      fixed: 7\n"
      "      label: literal\n");
}

TEST_CASE(
    "legacy task: the handler registered for the resourceArn gets the "
    "TaskRequest",
    "[legacy][engine]") {
  ManualEngine m;
  TaskRequest seen;
  int calls = 0;
  m.engine->RegisterTaskHandler(kArn, [&](const TaskRequest& r) {
    seen = r;
    ++calls;
    return TaskResult::Succeeded(R"({"greeting":"hi ada"})");
  });
  m.Create("t", HelloTask());
  Execution e = m.Run("t", R"({"name":"ada"})", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  // The flow output is the flow's local: the task's result, not the input.
  CHECK(e.output == R"({"greeting":"hi ada"})");
  CHECK(calls == 1);
  CHECK(seen.flow_name == "t");
  CHECK(seen.execution_name == "e1");
  CHECK(seen.state_name == "hello");
  CHECK(seen.action == "");
  CHECK(seen.resource_arn == kArn);
  CHECK(seen.task_mode == "requestResponse");
  CHECK(seen.parameters ==
        R"({"who":"ada","whole":{"name":"ada"},"fixed":7,"label":"literal"})");
  CHECK(seen.input == R"({"name":"ada"})");
  CHECK(seen.task_token.size() == 36);
}

TEST_CASE("legacy task: pattern gives the TaskRequest's task_mode",
          "[legacy][engine]") {
  for (const std::string pattern :
       {"requestResponse", "sync", "waitForCallback"}) {
    ManualEngine m;
    std::string mode;
    m.engine->RegisterTaskHandler(kArn, [&](const TaskRequest& r) {
      mode = r.task_mode;
      return TaskResult::Succeeded("{}");
    });
    m.Create("t", HelloTask(pattern));
    CHECK(m.Run("t").status == ExecutionStatus::kSucceeded);
    CHECK(mode == pattern);
  }
}

TEST_CASE("legacy task: a handler for the step name wins over the resourceArn",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler(kArn, [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"by":"arn"})");
  });
  m.Create("t", HelloTask());
  CHECK(m.Run("t").output == R"({"by":"arn"})");
  m.engine->RegisterTaskHandler("hello", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"by":"step"})");
  });
  CHECK(m.Run("t").output == R"({"by":"step"})");
}

TEST_CASE(
    "legacy task: a serviceParams key named resourceArn does not "
    "change the step's resource",
    "[legacy][engine]") {
  ManualEngine m;
  TaskRequest seen;
  m.engine->RegisterTaskHandler(kArn, [&](const TaskRequest& r) {
    seen = r;
    return TaskResult::Succeeded("{}");
  });
  m.Create("t",
           Legacy("  - type: task\n"
                  "    name: hello\n"
                  "    resourceArn: acs:fc:::services/demo/functions/hello\n"
                  "    serviceParams:\n"
                  "      resourceArn: acs:fnf:::flow/elsewhere\n"));
  CHECK(m.Run("t").status == ExecutionStatus::kSucceeded);
  CHECK(seen.resource_arn == kArn);
  CHECK(seen.parameters == R"({"resourceArn":"acs:fnf:::flow/elsewhere"})");
}

TEST_CASE("legacy task: no handler for the resourceArn is FnF.TaskFailed",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("t", HelloTask());
  Execution e = m.Run("t");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message ==
        "no task handler is registered for state 'hello', resource "
        "'acs:fc:::services/demo/functions/hello' or action ''");
  CHECK(e.output == "");
}

TEST_CASE(
    "legacy task: a result that is a JSON string holding an object is "
    "parsed, other results",
    "[legacy][engine]") {
  ManualEngine m;
  std::string result;
  m.engine->RegisterTaskHandler(
      kArn, [&](const TaskRequest&) { return TaskResult::Succeeded(result); });
  m.Create("t", HelloTask());
  result = R"("{\"a\": 1, \"b\": [true]}")";
  Execution e = m.Run("t");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"a":1,"b":[true]})");
  result = "null";
  CHECK(m.Run("t").output == "{}");
  result = R"("")";
  CHECK(m.Run("t").output == "{}");
  result = R"("[1,2]")";
  e = m.Run("t");
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message ==
        "the task result must be a JSON object, got a string holding array");
  result = R"("not json")";
  e = m.Run("t");
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message.rfind("the task result must be a JSON object, got a "
                              "string that is not JSON: ",
                              0) == 0);
  result = "42";
  e = m.Run("t");
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message == "the task result must be a JSON object, got number");
  result = "{oops";
  e = m.Run("t");
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message.rfind("the task output is not valid JSON: ", 0) == 0);
}

TEST_CASE("legacy task: a handler failure raises its error and cause",
          "[legacy][engine]") {
  ManualEngine m;
  std::string error = "BookTrainTicketError";
  m.engine->RegisterTaskHandler(kArn, [&](const TaskRequest&) {
    return TaskResult::Failed(error, "no seats");
  });
  m.Create("t", HelloTask());
  Execution e = m.Run("t");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "BookTrainTicketError");
  CHECK(e.error_message == "no seats");
  error = "";
  CHECK(m.Run("t").error_code == "FnF.TaskFailed");
}

const std::string kTimeout = Legacy(
    "  - type: task\n"
    "    name: slow\n"
    "    resourceArn: acs:fc:::services/demo/functions/slow\n"
    "    timeoutSeconds: 30\n");

TEST_CASE(
    "legacy task: timeoutSeconds raises FnF.TaskTimeout, a late answer "
    "is refused",
    "[legacy][engine]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("slow", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("t", kTimeout);
  Start(m, "t", "e1");
  REQUIRE(m.engine->NextWakeupTime().has_value());
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(30));
  m.clock.Advance(seconds(29));
  m.engine->RunReady();
  CHECK(Describe(m, "t", "e1").status == ExecutionStatus::kRunning);
  m.clock.Advance(seconds(1));
  m.engine->RunReady();
  Execution e = Describe(m, "t", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskTimeout");
  CHECK(e.error_message == "task 'slow' did not complete within its timeout");
  CHECK(e.stopped_time == "2019-01-01T00:00:30.000Z");
  CHECK(m.engine->ReportTaskSucceeded(token, "{}").code() ==
        "TaskAlreadyCompleted");
  CHECK(Steps(m, "t", "e1") ==
        std::vector<std::string>{"ExecutionStarted", "StepEntered slow",
                                 "TaskScheduled slow", "TaskTimedOut slow",
                                 "StepFailed slow", "ExecutionFailed"});
}

TEST_CASE("legacy task: a task answering in time is not timed out",
          "[legacy][engine]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("slow", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("t", kTimeout);
  Start(m, "t", "e1");
  m.clock.Advance(seconds(10));
  REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"ok":true})").ok());
  m.engine->RunReady();
  Execution e = Describe(m, "t", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"ok":true})");
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
}

// Fails every call with the next error of `errors` (the last one repeating)
// and records when it was called.
struct Flaky {
  std::vector<std::string> errors;
  std::vector<TimePoint> calls;
  ManualEngine* m = nullptr;
  TaskResult operator()(const TaskRequest&) {
    calls.push_back(m->clock.Now());
    const size_t i = std::min(calls.size(), errors.size()) - 1;
    if (errors[i].empty()) return TaskResult::Succeeded(R"({"done":true})");
    return TaskResult::Failed(errors[i],
                              "attempt " + std::to_string(calls.size()));
  }
};

std::vector<int64_t> Offsets(const std::vector<TimePoint>& calls) {
  std::vector<int64_t> out;
  for (TimePoint t : calls) {
    out.push_back(
        std::chrono::duration_cast<std::chrono::seconds>(t - T0()).count());
  }
  return out;
}

TEST_CASE("legacy retry: the defaults retry 3 times after 1s, 2s and 4s",
          "[legacy][engine]") {
  ManualEngine m;
  Flaky flaky{{"Boom"}, {}, &m};
  m.engine->RegisterTaskHandler("t1",
                                [&](const TaskRequest& r) { return flaky(r); });
  m.Create("r", Legacy("  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    retry:\n"
                       "      - errors: [FnF.ALL]\n"));
  Start(m, "r", "e1");
  for (int delay : {1, 2, 4}) {
    REQUIRE(m.engine->NextWakeupTime().has_value());
    CHECK(*m.engine->NextWakeupTime() == m.clock.Now() + seconds(delay));
    AdvanceToNextWakeup(m);
  }
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
  CHECK(Offsets(flaky.calls) == std::vector<int64_t>{0, 1, 3, 7});
  Execution e = Describe(m, "r", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "Boom");
  CHECK(e.error_message == "attempt 4");
  CHECK(Steps(m, "r", "e1") ==
        std::vector<std::string>{
            "ExecutionStarted", "StepEntered t1", "TaskScheduled t1",
            "TaskFailed t1", "StepFailed t1", "StepStarted t1",
            "TaskScheduled t1", "TaskFailed t1", "StepFailed t1",
            "StepStarted t1", "TaskScheduled t1", "TaskFailed t1",
            "StepFailed t1", "StepStarted t1", "TaskScheduled t1",
            "TaskFailed t1", "StepFailed t1", "ExecutionFailed"});
}

TEST_CASE(
    "legacy retry: intervalSeconds, multiplier, maxIntervalSeconds and "
    "maxAttempts",
    "[legacy][engine]") {
  ManualEngine m;
  Flaky flaky{{"E", "E", "E", "E", ""}, {}, &m};
  m.engine->RegisterTaskHandler("t1",
                                [&](const TaskRequest& r) { return flaky(r); });
  m.Create("r", Legacy("  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    retry:\n"
                       "      - errors: [E]\n"
                       "        intervalSeconds: 2\n"
                       "        multiplier: 3\n"
                       "        maxIntervalSeconds: 10\n"
                       "        maxAttempts: 4\n"));
  Start(m, "r", "e1");
  for (int delay : {2, 6, 10, 10}) {
    REQUIRE(m.engine->NextWakeupTime().has_value());
    CHECK(*m.engine->NextWakeupTime() == m.clock.Now() + seconds(delay));
    AdvanceToNextWakeup(m);
  }
  CHECK(Offsets(flaky.calls) == std::vector<int64_t>{0, 2, 8, 18, 28});
  Execution e = Describe(m, "r", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"done":true})");
}

TEST_CASE("legacy retry: maxIntervalSeconds defaults to 86400",
          "[legacy][engine]") {
  ManualEngine m;
  Flaky flaky{{"E"}, {}, &m};
  m.engine->RegisterTaskHandler("t1",
                                [&](const TaskRequest& r) { return flaky(r); });
  m.Create("r", Legacy("  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    retry:\n"
                       "      - errors: [E]\n"
                       "        intervalSeconds: 50000\n"
                       "        maxAttempts: 2\n"));
  Start(m, "r", "e1");
  for (int delay : {50000, 86400}) {
    REQUIRE(m.engine->NextWakeupTime().has_value());
    CHECK(*m.engine->NextWakeupTime() == m.clock.Now() + seconds(delay));
    AdvanceToNextWakeup(m);
  }
  CHECK(flaky.calls.size() == 3);
  CHECK(Describe(m, "r", "e1").status == ExecutionStatus::kFailed);
}

TEST_CASE(
    "legacy retry: the first matching policy is used and each counts "
    "its own retries",
    "[legacy][engine]") {
  ManualEngine m;
  // A, B, A, B, A: policy 1 (A, once) is used up at the second A.
  Flaky flaky{{"A", "B", "A", "B", "A"}, {}, &m};
  m.engine->RegisterTaskHandler("t1",
                                [&](const TaskRequest& r) { return flaky(r); });
  m.Create("r", Legacy("  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    retry:\n"
                       "      - errors: [A]\n"
                       "        intervalSeconds: 5\n"
                       "        maxAttempts: 1\n"
                       "      - errors: [FnF.ALL]\n"
                       "        intervalSeconds: 1\n"
                       "        maxAttempts: 5\n"));
  Start(m, "r", "e1");
  while (m.engine->NextWakeupTime()) AdvanceToNextWakeup(m);
  // t=0 A (retry after 5), t=5 B (after 1), t=6 A: policy 1 is used up, so
  // the error goes on to catch (none): the step fails.
  CHECK(Offsets(flaky.calls) == std::vector<int64_t>{0, 5, 6});
  Execution e = Describe(m, "r", "e1");
  CHECK(e.error_code == "A");
  CHECK(e.error_message == "attempt 3");
}

TEST_CASE("legacy retry: an error no policy names is not retried",
          "[legacy][engine]") {
  ManualEngine m;
  Flaky flaky{{"Other"}, {}, &m};
  m.engine->RegisterTaskHandler("t1",
                                [&](const TaskRequest& r) { return flaky(r); });
  m.Create("r", Legacy("  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    retry:\n"
                       "      - errors: [FC.ResourceThrottled]\n"));
  Start(m, "r", "e1");
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
  CHECK(flaky.calls.size() == 1);
  CHECK(Describe(m, "r", "e1").error_code == "Other");
}

TEST_CASE("legacy retry: FnF.TaskTimeout can be retried", "[legacy][engine]") {
  ManualEngine m;
  int calls = 0;
  std::string token;
  m.engine->RegisterTaskHandler("t1", [&](const TaskRequest& r) {
    ++calls;
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("r", Legacy("  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    timeoutSeconds: 10\n"
                       "    retry:\n"
                       "      - errors: [FnF.TaskTimeout]\n"
                       "        maxAttempts: 1\n"));
  Start(m, "r", "e1");
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(10));
  AdvanceToNextWakeup(m);
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(11));
  AdvanceToNextWakeup(m);
  CHECK(calls == 2);
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(21));
  REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"late":false})").ok());
  m.engine->RunReady();
  Execution e = Describe(m, "r", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"late":false})");
}

const std::string kCatch = Legacy(
    "  - type: task\n"
    "    name: book\n"
    "    resourceArn: acs:fc:::services/trip/functions/book\n"
    "    retry:\n"
    "      - errors: [FC.ResourceThrottled]\n"
    "        maxAttempts: 2\n"
    "    catch:\n"
    "      - errors: [NoSeats]\n"
    "        goto: cancel\n"
    "      - errors: [FnF.ALL]\n"
    "        goto: other\n"
    "    errorMappings:\n"
    "      - target: errCode\n"
    "        source: $local.error\n"
    "      - target: errMsg\n"
    "        source: $local.cause\n"
    "      - target: order\n"
    "        source: $input.order\n"
    "  - type: succeed\n"
    "    name: booked\n"
    "  - type: pass\n"
    "    name: cancel\n"
    "    inputMappings:\n"
    "      - target: why\n"
    "        source: $local.errMsg\n"
    "    outputMappings:\n"
    "      - target: cancelled\n"
    "        source: $input.why\n"
    "    end: true\n"
    "  - type: pass\n"
    "    name: other\n");

TEST_CASE("legacy catch: goto with the errorMappings output in the local",
          "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> errors;
  size_t call = 0;
  m.engine->RegisterTaskHandler(
      "acs:fc:::services/trip/functions/book", [&](const TaskRequest&) {
        const std::string& e = errors[std::min(call++, errors.size() - 1)];
        if (e.empty()) return TaskResult::Succeeded(R"({"ticket":1})");
        return TaskResult::Failed(e, "cause of " + e);
      });
  m.Create("c", kCatch);
  SECTION("the first catch policy that matches") {
    errors = {"FC.ResourceThrottled", "NoSeats"};
    Start(m, "c", "e1", R"({"order":"o-1"})");
    AdvanceToNextWakeup(m);
    Execution e = Describe(m, "c", "e1");
    CHECK(call == 2);
    CHECK(e.status == ExecutionStatus::kSucceeded);
    CHECK(e.output ==
          R"({"errCode":"NoSeats","errMsg":"cause of NoSeats","order":"o-1",)"
          R"("cancelled":"cause of NoSeats"})");
    CHECK(Steps(m, "c", "e1") ==
          std::vector<std::string>{
              "ExecutionStarted", "StepEntered book", "TaskScheduled book",
              "TaskFailed book", "StepFailed book", "StepStarted book",
              "TaskScheduled book", "TaskFailed book", "StepFailed book",
              "StepExited book", "StepEntered cancel", "StepExited cancel",
              "ExecutionSucceeded"});
  }
  SECTION("FnF.ALL, after the retries are used up") {
    errors = {"FC.ResourceThrottled"};
    Start(m, "c", "e1", R"({"order":"o-2"})");
    while (m.engine->NextWakeupTime()) AdvanceToNextWakeup(m);
    CHECK(call == 3);
    Execution e = Describe(m, "c", "e1");
    CHECK(e.status == ExecutionStatus::kSucceeded);
    CHECK(e.output ==
          R"({"errCode":"FC.ResourceThrottled",)"
          R"("errMsg":"cause of FC.ResourceThrottled","order":"o-2"})");
  }
  SECTION("no error: the next step") {
    errors = {""};
    CHECK(m.Run("c").output == R"({"ticket":1})");
  }
}

TEST_CASE("legacy catch: without errorMappings the caught step's output is {}",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler("t1", [](const TaskRequest&) {
    return TaskResult::Failed("Oops", "bad");
  });
  m.Create("c", Legacy("  - type: pass\n"
                       "    name: first\n"
                       "    outputMappings:\n"
                       "      - target: kept\n"
                       "        source: 1\n"
                       "  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    catch:\n"
                       "      - errors: [Oops]\n"
                       "        goto: after\n"
                       "  - type: pass\n"
                       "    name: after\n"
                       "    outputMappings:\n"
                       "      - target: seen\n"
                       "        source: $input\n"));
  Execution e = m.Run("c", R"({"in":0})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"kept":1,"seen":{"in":0,"kept":1}})");
}

TEST_CASE("legacy catch: FnF.TaskTimeout is caught like any error",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler(
      "t1", [](const TaskRequest&) { return TaskResult::Pending(); });
  m.Create("c", Legacy("  - type: task\n"
                       "    name: t1\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    timeoutSeconds: 5\n"
                       "    catch:\n"
                       "      - errors: [FnF.TaskTimeout]\n"
                       "        goto: late\n"
                       "    errorMappings:\n"
                       "      - target: e\n"
                       "        source: $local.error\n"
                       "  - type: fail\n"
                       "    name: give_up\n"
                       "  - type: pass\n"
                       "    name: late\n"));
  Start(m, "c", "e1");
  AdvanceToNextWakeup(m);
  Execution e = Describe(m, "c", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"e":"FnF.TaskTimeout"})");
}

const std::string kCallback = Legacy(
    "  - type: task\n"
    "    name: approve\n"
    "    resourceArn: acs:mns:::queues/approvals/messages\n"
    "    pattern: waitForCallback\n"
    "    timeoutSeconds: 3600\n"
    "    inputMappings:\n"
    "      - target: taskToken\n"
    "        source: $context.task.token\n"
    "      - target: order\n"
    "        source: $input.order\n"
    "    serviceParams:\n"
    "      MessageBody: $\n"
    "    outputMappings:\n"
    "      - target: approval\n"
    "        source: $local.decision\n");

TEST_CASE(
    "legacy waitForCallback: $context.task.token in inputMappings, then "
    "ReportTaskSucceeded",
    "[legacy][engine]") {
  ManualEngine m;
  TaskRequest seen;
  m.engine->RegisterTaskHandler("acs:mns:::queues/approvals/messages",
                                [&](const TaskRequest& r) {
                                  seen = r;
                                  return TaskResult::Pending();
                                });
  m.Create("cb", kCallback);
  Start(m, "cb", "e1", R"({"order":"o-7"})");
  REQUIRE(seen.task_token.size() == 36);
  CHECK(seen.task_mode == "waitForCallback");
  const std::string input =
      R"({"taskToken":")" + seen.task_token + R"(","order":"o-7"})";
  CHECK(seen.input == input);
  CHECK(seen.parameters == R"({"MessageBody":)" + input + "}");
  CHECK(Describe(m, "cb", "e1").status == ExecutionStatus::kRunning);
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(3600));
  m.clock.Advance(seconds(100));
  REQUIRE(m.engine
              ->ReportTaskSucceeded(seen.task_token,
                                    R"({"decision":"yes","by":"ann"})")
              .ok());
  m.engine->RunReady();
  Execution e = Describe(m, "cb", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"approval":"yes"})");
  CHECK(e.stopped_time == "2019-01-01T00:01:40.000Z");
  CHECK(m.engine->ReportTaskSucceeded(seen.task_token, "{}").code() ==
        "TaskAlreadyCompleted");
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
}

TEST_CASE("legacy waitForCallback: ReportTaskFailed fails the step",
          "[legacy][engine]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("approve", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("cb", kCallback);
  Start(m, "cb", "e1");
  REQUIRE(m.engine->ReportTaskFailed(token, "Rejected", "said no").ok());
  m.engine->RunReady();
  Execution e = Describe(m, "cb", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "Rejected");
  CHECK(e.error_message == "said no");
  CHECK(m.engine->ReportTaskFailed(token, "X", "").code() ==
        "TaskAlreadyCompleted");
  CHECK(Steps(m, "cb", "e1") ==
        std::vector<std::string>{"ExecutionStarted", "StepEntered approve",
                                 "TaskScheduled approve", "TaskFailed approve",
                                 "StepFailed approve", "ExecutionFailed"});
}

TEST_CASE(
    "legacy waitForCallback: no callback within timeoutSeconds is "
    "FnF.TaskTimeout",
    "[legacy][engine]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("approve", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("cb", kCallback);
  Start(m, "cb", "e1");
  AdvanceToNextWakeup(m);
  Execution e = Describe(m, "cb", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskTimeout");
  CHECK(e.stopped_time == "2019-01-01T01:00:00.000Z");
  CHECK(m.engine->ReportTaskSucceeded(token, "{}").code() ==
        "TaskAlreadyCompleted");
}

TEST_CASE("legacy waitForCallback: each retry has a fresh token",
          "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> tokens;
  m.engine->RegisterTaskHandler("t1", [&](const TaskRequest& r) {
    tokens.push_back(r.task_token);
    return TaskResult::Pending();
  });
  m.Create("cb", Legacy("  - type: task\n"
                        "    name: t1\n"
                        "    resourceArn: acs:mns:::queues/q/messages\n"
                        "    pattern: waitForCallback\n"
                        "    inputMappings:\n"
                        "      - target: token\n"
                        "        source: $context.task.token\n"
                        "    retry:\n"
                        "      - errors: [Again]\n"
                        "    outputMappings:\n"
                        "      - target: got\n"
                        "        source: $input.token\n"));
  Start(m, "cb", "e1");
  REQUIRE(tokens.size() == 1);
  REQUIRE(m.engine->ReportTaskFailed(tokens[0], "Again", "").ok());
  m.engine->RunReady();
  AdvanceToNextWakeup(m);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0] != tokens[1]);
  CHECK(m.engine->ReportTaskSucceeded(tokens[0], "{}").code() ==
        "TaskAlreadyCompleted");
  REQUIRE(m.engine->ReportTaskSucceeded(tokens[1], "{}").ok());
  m.engine->RunReady();
  CHECK(Describe(m, "cb", "e1").output == R"({"got":")" + tokens[1] + R"("})");
}

TEST_CASE("legacy $context: execution, flow and step names (docs/behaviour.md)",
          "[legacy][engine]") {
  ManualEngine m;
  TaskRequest seen;
  m.engine->RegisterTaskHandler("t1", [&](const TaskRequest& r) {
    seen = r;
    return TaskResult::Succeeded("{}");
  });
  m.Create("ctx", Legacy("  - type: task\n"
                         "    name: t1\n"
                         "    resourceArn: acs:fc:::services/s/functions/f\n"
                         "    inputMappings:\n"
                         "      - target: exec\n"
                         "        source: $context.execution.name\n"
                         "      - target: flow\n"
                         "        source: $context.flow.name\n"
                         "      - target: step\n"
                         "        source: $context.step.name\n"
                         "    serviceParams:\n"
                         "      token: $context.task.token\n"
                         "      step: $context.step.name\n"
                         "  - type: pass\n"
                         "    name: p\n"
                         "    outputMappings:\n"
                         "      - target: token\n"
                         "        source: $context.task.token\n"
                         "      - target: step\n"
                         "        source: $context.step.name\n"));
  Execution e = m.Run("ctx", "{}", "run-1");
  CHECK(seen.input == R"({"exec":"run-1","flow":"ctx","step":"t1"})");
  CHECK(seen.parameters ==
        R"({"token":")" + seen.task_token + R"(","step":"t1"})");
  // Outside a task, $context.task.token is missing: null.
  CHECK(e.output == R"({"token":null,"step":"p"})");
}

}  // namespace
}  // namespace fnf::legacy_engine_testing

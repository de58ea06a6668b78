// Legacy pass, wait, choice, parallel, foreach, succeed and fail steps, `end`
// and `goto` loops, end to end through fnf::Engine in manual mode
// (docs/legacy-fdl.md; docs/behaviour.md).
#include <algorithm>
#include <set>

#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

using std::chrono::seconds;

TEST_CASE("legacy pass: outputMappings with literal constants of every kind",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("p", Legacy("  - type: pass\n"
                       "    name: consts\n"
                       "    outputMappings:\n"
                       "      - target: n\n"
                       "        source: 52428800\n"
                       "      - target: s\n"
                       "        source: dummy_email@dummy_address\n"
                       "      - target: arr\n"
                       "        source: [A, B, C]\n"
                       "      - target: b\n"
                       "        source: true\n"
                       "      - target: z\n"
                       "        source: null\n"
                       "      - target: obj\n"
                       "        source: {k: v}\n"
                       "      - target: quoted\n"
                       "        source: '12'\n"));
  Execution e = m.Run("p", R"({"x":1})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output ==
        R"({"n":52428800,"s":"dummy_email@dummy_address","arr":["A","B","C"],)"
        R"("b":true,"z":null,"obj":{"k":"v"},"quoted":"12"})");
}

TEST_CASE("legacy pass: without mappings the output is {} and so is the flow's",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("p", Legacy("  - type: pass\n"
                       "    name: nothing\n"));
  Execution e = m.Run("p", R"({"key":"value"})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.input == R"({"key":"value"})");
  CHECK(e.output == "{}");
}

TEST_CASE("legacy wait: a constant duration is a timer", "[legacy][engine]") {
  ManualEngine m;
  m.Create("w", Legacy("  - type: wait\n"
                       "    name: pause\n"
                       "    duration: 20\n"
                       "  - type: pass\n"
                       "    name: after\n"
                       "    outputMappings:\n"
                       "      - target: done\n"
                       "        source: true\n"));
  Start(m, "w", "e1");
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(20));
  m.clock.Advance(seconds(19));
  m.engine->RunReady();
  CHECK(Describe(m, "w", "e1").status == ExecutionStatus::kRunning);
  m.clock.Advance(seconds(1));
  m.engine->RunReady();
  Execution e = Describe(m, "w", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"done":true})");
  CHECK(e.stopped_time == "2019-01-01T00:00:20.000Z");
}

TEST_CASE("legacy wait: duration 0 and a timestamp in the past end at once",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("w", Legacy("  - type: wait\n"
                       "    name: zero\n"
                       "    duration: 0\n"
                       "  - type: wait\n"
                       "    name: past\n"
                       "    timestamp: '2018-12-31T23:59:59Z'\n"
                       "  - type: wait\n"
                       "    name: past_path\n"
                       "    timestamp: $.when\n"));
  Execution e = m.Run("w", R"({"when":"2000-01-01T00:00:00Z"})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.stopped_time == "2019-01-01T00:00:00.000Z");
  CHECK(e.output == "{}");
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
}

TEST_CASE("legacy wait: a future timestamp, constant or from a path",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("w", Legacy("  - type: wait\n"
                       "    name: until\n"
                       "    timestamp: '2019-01-01T00:01:00Z'\n"
                       "  - type: wait\n"
                       "    name: until_path\n"
                       "    timestamp: $.when\n"));
  Start(m, "w", "e1", R"({"when":"2019-01-01T00:01:30.500Z"})");
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(60));
  AdvanceToNextWakeup(m);
  CHECK(*m.engine->NextWakeupTime() == T0() + std::chrono::milliseconds(90500));
  AdvanceToNextWakeup(m);
  Execution e = Describe(m, "w", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.stopped_time == "2019-01-01T00:01:30.500Z");
}

TEST_CASE("legacy wait: a duration from a path in the step input",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("w", Legacy("  - type: pass\n"
                       "    name: set\n"
                       "    outputMappings:\n"
                       "      - target: wait\n"
                       "        source: 7\n"
                       "  - type: wait\n"
                       "    name: pause\n"
                       "    duration: $.wait\n"));
  Start(m, "w", "e1", R"({"wait":100})");
  // The local (7) wins over the execution input (100).
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(7));
  AdvanceToNextWakeup(m);
  CHECK(Describe(m, "w", "e1").output == R"({"wait":7})");
}

TEST_CASE("legacy wait: an unusable duration or timestamp is FnF.RuntimeError",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("w", Legacy("  - type: wait\n"
                       "    name: pause\n"
                       "    duration: $.wait\n"));
  m.Create("t", Legacy("  - type: wait\n"
                       "    name: until\n"
                       "    timestamp: $.when\n"));
  Execution e = m.Run("w", R"({"wait":"soon"})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.RuntimeError");
  CHECK(e.error_message ==
        "wait duration '$.wait' must be a whole number of seconds from 0 to "
        "172800, got \"soon\"");
  e = m.Run("w", R"({"wait":172801})");
  CHECK(e.error_code == "FnF.RuntimeError");
  e = m.Run("w", R"({"wait":1.5})");
  CHECK(e.error_code == "FnF.RuntimeError");
  e = m.Run("w", "{}");
  CHECK(e.error_code == "FnF.RuntimeError");
  CHECK(e.error_message ==
        "wait duration '$.wait' must be a whole number of seconds from 0 to "
        "172800, got null");
  e = m.Run("t", R"({"when":"tomorrow"})");
  CHECK(e.error_code == "FnF.RuntimeError");
  CHECK(e.error_message == "wait timestamp 'tomorrow' is not an RFC 3339 time");
  e = m.Run("t", R"({"when":"2019-01-03T00:00:01Z"})");
  CHECK(e.error_code == "FnF.RuntimeError");
  CHECK(e.error_message ==
        "wait timestamp '2019-01-03T00:00:01Z' is more than 172800 seconds "
        "away");
  e = m.Run("t", R"({"when":5})");
  CHECK(e.error_code == "FnF.RuntimeError");
  CHECK(e.error_message ==
        "wait timestamp '$.when' must be an RFC 3339 time, got 5");
}

TEST_CASE("legacy choice: the documentation's example runs pass2, pass3, final",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("c", ReadLegacyData("choice_goto.yaml"));
  Execution e = m.Run("c", R"({"input":1})", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"status":"finished","from":"pass2","pass3":"done"})");
  std::vector<std::string> entered;
  for (const std::string& s : Steps(m, "c", "e1")) {
    if (s.rfind("StepEntered ", 0) == 0) entered.push_back(s.substr(12));
  }
  CHECK(entered == std::vector<std::string>{"pass1", "mychoice", "pass2",
                                            "pass3", "final"});
}

const std::string kRoute = Legacy(
    "  - type: choice\n"
    "    name: route\n"
    "    choices:\n"
    "      - condition: $.n > 10\n"
    "        steps:\n"
    "          - type: pass\n"
    "            name: big\n"
    "            outputMappings:\n"
    "              - target: size\n"
    "                source: big\n"
    "        goto: done\n"
    "      - condition: $.n > 5\n"
    "    default:\n"
    "      steps:\n"
    "        - type: pass\n"
    "          name: small\n"
    "          outputMappings:\n"
    "            - target: size\n"
    "              source: small\n"
    "      goto: done\n"
    "  - type: pass\n"
    "    name: medium\n"
    "    outputMappings:\n"
    "      - target: size\n"
    "        source: medium\n"
    "    end: true\n"
    "  - type: succeed\n"
    "    name: done\n");

TEST_CASE(
    "legacy choice: the first true condition, steps then goto, a branch "
    "without either goes on, default",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("c", kRoute);
  Execution big = m.Run("c", R"({"n":11})", "big");
  CHECK(big.output == R"({"size":"big"})");
  CHECK(m.Run("c", R"({"n":7})").output == R"({"size":"medium"})");
  CHECK(m.Run("c", R"({"n":1})").output == R"({"size":"small"})");
  CHECK(Steps(m, "c", "big") ==
        std::vector<std::string>{"ExecutionStarted", "StepEntered route",
                                 "StepEntered big", "StepExited big",
                                 "StepExited route", "StepEntered done",
                                 "StepExited done", "ExecutionSucceeded"});
}

TEST_CASE("legacy choice: no default and no match just ends the choice",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("c", Legacy("  - type: choice\n"
                       "    name: maybe\n"
                       "    choices:\n"
                       "      - condition: $.go\n"
                       "        goto: skipped\n"
                       "  - type: pass\n"
                       "    name: next\n"
                       "    outputMappings:\n"
                       "      - target: next\n"
                       "        source: ran\n"
                       "  - type: pass\n"
                       "    name: skipped\n"
                       "    outputMappings:\n"
                       "      - target: skipped\n"
                       "        source: ran\n"));
  CHECK(m.Run("c", R"({"go":false})").output ==
        R"({"next":"ran","skipped":"ran"})");
  CHECK(m.Run("c", R"({"go":true})").output == R"({"skipped":"ran"})");
}

TEST_CASE("legacy choice: conditions as in docs/behaviour.md",
          "[legacy][engine]") {
  ManualEngine m;
  auto flow = [](const std::string& condition) {
    return Legacy(
        "  - type: choice\n"
        "    name: c\n"
        "    choices:\n"
        "      - condition: '" +
        condition +
        "'\n"
        "        steps:\n"
        "          - type: pass\n"
        "            name: yes\n"
        "            outputMappings:\n"
        "              - target: matched\n"
        "                source: true\n"
        "    default:\n"
        "      steps:\n"
        "        - type: pass\n"
        "          name: no\n"
        "          outputMappings:\n"
        "            - target: matched\n"
        "              source: false\n");
  };
  struct Case {
    std::string condition, input, output;
  };
  const Case cases[] = {
      {R"($.status == "ready")", R"({"status":"ready"})", "true"},
      {R"($.status == "ready")", R"({"status":"done"})", "false"},
      {R"($.audited == "true")", R"({"audited":true})", "false"},
      {"$.key1==$.key2", R"({"key1":"a","key2":"a"})", "true"},
      {"$.total >= $.threshold", R"({"total":3,"threshold":3})", "true"},
      {"$.has_more && $.total >= 3", R"({"has_more":true,"total":2})", "false"},
      {"$.has_more", R"({"has_more":true})", "true"},
      {"!$.has_more || $.n == 1", R"({"has_more":true,"n":1})", "true"},
      {"$.missing == null", "{}", "true"},
      {R"($input.a.b == 2)", R"({"a":{"b":2}})", "true"},
      {"$.list[1] == 2", R"({"list":[1,2]})", "true"},
  };
  int i = 0;
  for (const Case& c : cases) {
    const std::string name = "c" + std::to_string(i++);
    m.Create(name, flow(c.condition));
    Execution e = m.Run(name, c.input);
    INFO(c.condition << " on " << c.input);
    CHECK(e.status == ExecutionStatus::kSucceeded);
    CHECK(e.output == R"({"matched":)" + c.output + "}");
  }
}

TEST_CASE(
    "legacy choice: a condition that is not boolean or orders mismatched "
    "types raises FnF.ExpressionError",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("c", Legacy("  - type: choice\n"
                       "    name: c\n"
                       "    choices:\n"
                       "      - condition: $.n\n"
                       "        goto: end\n"
                       "      - condition: $.n > \"a\"\n"
                       "        goto: end\n"
                       "  - type: succeed\n"
                       "    name: end\n"));
  Execution e = m.Run("c", R"({"n":3})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.ExpressionError");
  CHECK(e.error_message ==
        "expression '$.n': a condition must be a boolean, got number");
  e = m.Run("c", R"({"n":false})");
  CHECK(e.error_code == "FnF.ExpressionError");
  CHECK(e.error_message.find("$.n > \"a\"") != std::string::npos);
  e = m.Run("c", "{}");
  CHECK(e.error_code == "FnF.ExpressionError");
  CHECK(e.error_message ==
        "expression '$.n': a condition must be a boolean, got null");
}

const std::string kParallel = Legacy(
    "  - type: parallel\n"
    "    name: par\n"
    "    branches:\n"
    "      - steps:\n"
    "          - type: pass\n"
    "            name: left\n"
    "            outputMappings:\n"
    "              - target: name\n"
    "                source: left\n"
    "              - target: x\n"
    "                source: $input.x\n"
    "      - steps:\n"
    "          - type: task\n"
    "            name: right\n"
    "            resourceArn: acs:fc:::services/s/functions/right\n"
    "          - type: succeed\n"
    "            name: right_done\n"
    "    outputMappings:\n"
    "      - target: names\n"
    "        source: $local[*].name\n"
    "      - target: locals\n"
    "        source: $local\n"
    "  - type: pass\n"
    "    name: after\n"
    "    outputMappings:\n"
    "      - target: seen\n"
    "        source: $input\n");

TEST_CASE(
    "legacy parallel: every branch runs on the step input, $local is "
    "the array of branch locals",
    "[legacy][engine]") {
  ManualEngine m;
  std::string token, input;
  m.engine->RegisterTaskHandler("acs:fc:::services/s/functions/right",
                                [&](const TaskRequest& r) {
                                  token = r.task_token;
                                  input = r.input;
                                  return TaskResult::Pending();
                                });
  m.Create("p", kParallel);
  Start(m, "p", "e1", R"({"x":1})");
  CHECK(input == R"({"x":1})");
  CHECK(Describe(m, "p", "e1").status == ExecutionStatus::kRunning);
  REQUIRE(
      m.engine->ReportTaskSucceeded(token, R"({"name":"right","r":2})").ok());
  m.engine->RunReady();
  Execution e = Describe(m, "p", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output ==
        R"({"names":["left","right"],)"
        R"("locals":[{"name":"left","x":1},{"name":"right","r":2}],)"
        R"("seen":{"x":1,"names":["left","right"],)"
        R"("locals":[{"name":"left","x":1},{"name":"right","r":2}]}})");
  auto steps = Steps(m, "p", "e1");
  CHECK(std::count(steps.begin(), steps.end(), "BranchEntered par") == 2);
  CHECK(std::count(steps.begin(), steps.end(), "BranchExited par") == 2);
}

TEST_CASE("legacy parallel: the default output is {}", "[legacy][engine]") {
  ManualEngine m;
  m.Create("p", Legacy("  - type: parallel\n"
                       "    name: par\n"
                       "    branches:\n"
                       "      - steps:\n"
                       "          - type: pass\n"
                       "            name: a\n"
                       "            outputMappings:\n"
                       "              - target: a\n"
                       "                source: 1\n"));
  CHECK(m.Run("p", R"({"x":1})").output == "{}");
}

TEST_CASE(
    "legacy parallel: a failing branch fails the flow and cancels the "
    "other branches",
    "[legacy][engine]") {
  ManualEngine m;
  std::string token;
  m.engine->RegisterTaskHandler("slow", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  m.Create("p",
           Legacy("  - type: parallel\n"
                  "    name: par\n"
                  "    branches:\n"
                  "      - steps:\n"
                  "          - type: task\n"
                  "            name: slow\n"
                  "            resourceArn: acs:fc:::services/s/functions/f\n"
                  "      - steps:\n"
                  "          - type: wait\n"
                  "            name: w\n"
                  "            duration: 5\n"
                  "          - type: fail\n"
                  "            name: broken\n"
                  "            error: BranchBroken\n"
                  "            cause: the second branch broke\n"
                  "  - type: pass\n"
                  "    name: after\n"));
  Start(m, "p", "e1");
  REQUIRE_FALSE(token.empty());
  AdvanceToNextWakeup(m);
  Execution e = Describe(m, "p", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "BranchBroken");
  CHECK(e.error_message == "the second branch broke");
  CHECK(m.engine->ReportTaskSucceeded(token, "{}").code() ==
        "TaskAlreadyCompleted");
  auto steps = Steps(m, "p", "e1");
  CHECK(std::count(steps.begin(), steps.end(), "StepEntered after") == 0);
}

std::string Foreach(const std::string& extra) {
  return Legacy(
      "  - type: foreach\n"
      "    name: each\n"
      "    iterationMapping:\n"
      "      collection: $.names\n"
      "      item: name\n"
      "      index: i\n" +
      extra +
      "    steps:\n"
      "      - type: task\n"
      "        name: greet\n"
      "        resourceArn: acs:fc:::services/demo/functions/greet\n"
      "    outputMappings:\n"
      "      - target: texts\n"
      "        source: $local[*].text\n");
}

TEST_CASE("legacy foreach: iteration inputs, $local in collection order",
          "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> inputs;
  m.engine->RegisterTaskHandler("greet", [&](const TaskRequest& r) {
    inputs.push_back(r.input);
    return TaskResult::Succeeded(R"({"text":"hi #)" +
                                 std::to_string(inputs.size()) + R"("})");
  });
  m.Create("f", Foreach(""));
  Execution e = m.Run("f", R"({"names":["ann","bob"],"greeting":"hi"})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(inputs ==
        std::vector<std::string>{
            R"({"names":["ann","bob"],"greeting":"hi","name":"ann","i":0})",
            R"({"names":["ann","bob"],"greeting":"hi","name":"bob","i":1})"});
  CHECK(e.output == R"({"texts":["hi #1","hi #2"]})");
}

TEST_CASE(
    "legacy foreach: maxConcurrency bounds the pending iterations, "
    "results keep collection order",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::pair<std::string, std::string>> pending;  // token, name
  size_t most = 0;
  m.engine->RegisterTaskHandler("greet", [&](const TaskRequest& r) {
    const std::string input = r.input;
    const size_t at = input.find(R"("name":")") + 8;
    pending.emplace_back(r.task_token,
                         input.substr(at, input.find('"', at) - at));
    most = std::max(most, pending.size());
    return TaskResult::Pending();
  });
  m.Create("f", Foreach("    maxConcurrency: 2\n"));
  Start(m, "f", "e1", R"({"names":["a","b","c","d","e"]})");
  CHECK(pending.size() == 2);
  // Answer the most recent first, so completion order differs from input
  // order.
  int answered = 0;
  while (!pending.empty()) {
    auto [token, name] = pending.back();
    pending.pop_back();
    REQUIRE(m.engine->ReportTaskSucceeded(token, R"({"text":")" + name + "\"}")
                .ok());
    ++answered;
    m.engine->RunReady();
    CHECK(pending.size() <= 2);
  }
  CHECK(answered == 5);
  CHECK(most == 2);
  Execution e = Describe(m, "f", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"texts":["a","b","c","d","e"]})");
}

TEST_CASE("legacy foreach: without maxConcurrency at most 100 run at once",
          "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> tokens;
  m.engine->RegisterTaskHandler("greet", [&](const TaskRequest& r) {
    tokens.push_back(r.task_token);
    return TaskResult::Pending();
  });
  m.Create("f", Foreach(""));
  std::string names = "[";
  for (int i = 0; i < 150; ++i)
    names += (i ? ",\"n" : "\"n") + std::to_string(i) + "\"";
  names += "]";
  Start(m, "f", "e1", R"({"names":)" + names + "}");
  CHECK(tokens.size() == 100);
  REQUIRE(m.engine->ReportTaskSucceeded(tokens[0], "{}").ok());
  m.engine->RunReady();
  CHECK(tokens.size() == 101);
}

TEST_CASE(
    "legacy foreach: an empty collection, a collection that is not an "
    "array is FnF.RuntimeError",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("f", Foreach(""));
  Execution e = m.Run("f", R"({"names":[]})");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"texts":[]})");
  e = m.Run("f", R"({"names":"ann"})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.RuntimeError");
  CHECK(e.error_message ==
        "foreach step 'each': iterationMapping.collection '$.names' must be "
        "an array, got string");
  e = m.Run("f", "{}");
  CHECK(e.error_code == "FnF.RuntimeError");
  CHECK(e.error_message ==
        "foreach step 'each': iterationMapping.collection '$.names' must be "
        "an array, got null");
}

TEST_CASE(
    "legacy foreach: a failing iteration fails the step and stops the "
    "others",
    "[legacy][engine]") {
  ManualEngine m;
  std::vector<std::string> tokens;
  m.engine->RegisterTaskHandler("greet", [&](const TaskRequest& r) {
    tokens.push_back(r.task_token);
    return TaskResult::Pending();
  });
  m.Create("f", Foreach(""));
  Start(m, "f", "e1", R"({"names":["a","b","c"]})");
  REQUIRE(tokens.size() == 3);
  REQUIRE(m.engine->ReportTaskFailed(tokens[1], "Nope", "b failed").ok());
  m.engine->RunReady();
  Execution e = Describe(m, "f", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "Nope");
  CHECK(e.error_message == "b failed");
  CHECK(m.engine->ReportTaskSucceeded(tokens[0], "{}").code() ==
        "TaskAlreadyCompleted");
}

TEST_CASE(
    "legacy succeed: at top level it ends the flow with the local so "
    "far",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("s", Legacy("  - type: pass\n"
                       "    name: a\n"
                       "    outputMappings:\n"
                       "      - target: a\n"
                       "        source: 1\n"
                       "  - type: succeed\n"
                       "    name: stop\n"
                       "    outputMappings:\n"
                       "      - target: stopped\n"
                       "        source: $input.a\n"));
  Execution e = m.Run("s", "{}", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"a":1,"stopped":1})");
  CHECK(Steps(m, "s", "e1") ==
        std::vector<std::string>{"ExecutionStarted", "StepEntered a",
                                 "StepExited a", "StepEntered stop",
                                 "StepExited stop", "ExecutionSucceeded"});
}

TEST_CASE("legacy succeed: inside a choice branch it ends only the branch",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("s", Legacy("  - type: choice\n"
                       "    name: c\n"
                       "    choices:\n"
                       "      - condition: 'true'\n"
                       "        steps:\n"
                       "          - type: pass\n"
                       "            name: first\n"
                       "            outputMappings:\n"
                       "              - target: first\n"
                       "                source: true\n"
                       "          - type: succeed\n"
                       "            name: inner\n"
                       "  - type: pass\n"
                       "    name: after\n"
                       "    outputMappings:\n"
                       "      - target: after\n"
                       "        source: true\n"));
  CHECK(m.Run("s").output == R"({"first":true,"after":true})");
}

TEST_CASE("legacy fail: error and cause become ErrorCode and ErrorMessage",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("f", Legacy("  - type: pass\n"
                       "    name: a\n"
                       "  - type: fail\n"
                       "    name: broken\n"
                       "    error: OrderRejected\n"
                       "    cause: the order was rejected\n"));
  Execution e = m.Run("f", "{}", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "OrderRejected");
  CHECK(e.error_message == "the order was rejected");
  CHECK(e.output == "");
  CHECK(Steps(m, "f", "e1") ==
        std::vector<std::string>{"ExecutionStarted", "StepEntered a",
                                 "StepExited a", "StepEntered broken",
                                 "StepFailed broken", "ExecutionFailed"});
  auto events = m.Events("f", "e1");
  CHECK(events.back().event_detail ==
        R"({"Error":"OrderRejected","Cause":"the order was rejected"})");
}

TEST_CASE(
    "legacy fail: the default error is FnF.Failed, nested in a choice it "
    "fails the flow",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("f", Legacy("  - type: choice\n"
                       "    name: c\n"
                       "    choices:\n"
                       "      - condition: $.bad\n"
                       "        steps:\n"
                       "          - type: fail\n"
                       "            name: inner\n"
                       "  - type: pass\n"
                       "    name: after\n"));
  Execution e = m.Run("f", R"({"bad":true})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.Failed");
  CHECK(e.error_message == "");
  CHECK(m.Run("f", R"({"bad":false})").status == ExecutionStatus::kSucceeded);
}

TEST_CASE("legacy end: true stops the list after the step",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("e", Legacy("  - type: choice\n"
                       "    name: c\n"
                       "    choices:\n"
                       "      - condition: $.late\n"
                       "        goto: late\n"
                       "  - type: pass\n"
                       "    name: early\n"
                       "    outputMappings:\n"
                       "      - target: early\n"
                       "        source: true\n"
                       "    end: true\n"
                       "  - type: pass\n"
                       "    name: late\n"
                       "    outputMappings:\n"
                       "      - target: late\n"
                       "        source: true\n"));
  CHECK(m.Run("e", R"({"late":false})").output == R"({"early":true})");
  CHECK(m.Run("e", R"({"late":true})").output == R"({"late":true})");
}

TEST_CASE("legacy goto: a polling loop jumps back to a wait step",
          "[legacy][engine]") {
  ManualEngine m;
  std::vector<TimePoint> checks;
  std::vector<std::string> check_inputs;
  m.engine->RegisterTaskHandler("submit", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"jobId":"j-1"})");
  });
  m.engine->RegisterTaskHandler("check", [&](const TaskRequest& r) {
    checks.push_back(m.clock.Now());
    check_inputs.push_back(r.input);
    return TaskResult::Succeeded(checks.size() < 3 ? R"({"status":"running"})"
                                                   : R"({"status":"done"})");
  });
  m.Create("poll", ReadLegacyData("polling_loop.yaml"));
  Start(m, "poll", "e1", R"({"interval":30})");
  for (int i = 1; i <= 3; ++i) {
    REQUIRE(m.engine->NextWakeupTime().has_value());
    CHECK(*m.engine->NextWakeupTime() == T0() + seconds(30 * i));
    AdvanceToNextWakeup(m);
  }
  CHECK_FALSE(m.engine->NextWakeupTime().has_value());
  CHECK(checks == std::vector<TimePoint>{T0() + seconds(30), T0() + seconds(60),
                                         T0() + seconds(90)});
  CHECK(check_inputs == std::vector<std::string>(3, R"({"jobId":"j-1"})"));
  Execution e = Describe(m, "poll", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  CHECK(e.output == R"({"jobId":"j-1","status":"done"})");
  CHECK(e.stopped_time == "2019-01-01T00:01:30.000Z");
  auto steps = Steps(m, "poll", "e1");
  CHECK(std::count(steps.begin(), steps.end(), "StepEntered pause") == 3);
  CHECK(std::count(steps.begin(), steps.end(), "StepEntered done?") == 3);
}

TEST_CASE("legacy goto: the polling loop ends on its fail step",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler("submit", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"jobId":"j-2"})");
  });
  m.engine->RegisterTaskHandler("check", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"status":"failed"})");
  });
  m.Create("poll", ReadLegacyData("polling_loop.yaml"));
  Start(m, "poll", "e1", R"({"interval":1})");
  AdvanceToNextWakeup(m);
  Execution e = Describe(m, "poll", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "JobFailed");
}

TEST_CASE("legacy timeoutSeconds at the flow level ends the execution TimedOut",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("t", Legacy("  - type: wait\n"
                       "    name: long\n"
                       "    duration: 100\n",
                       "timeoutSeconds: 60\n"));
  Start(m, "t", "e1");
  CHECK(*m.engine->NextWakeupTime() == T0() + seconds(60));
  AdvanceToNextWakeup(m);
  Execution e = Describe(m, "t", "e1");
  CHECK(e.status == ExecutionStatus::kTimedOut);
  CHECK(e.error_code == "FnF.Timeout");
  CHECK(e.error_message ==
        "the execution did not end within its timeoutSeconds of 60 seconds");
  CHECK(e.output == "");
  CHECK(e.stopped_time == "2019-01-01T00:01:00.000Z");
  CHECK(Steps(m, "t", "e1") ==
        std::vector<std::string>{"ExecutionStarted", "StepEntered long",
                                 "StepFailed long", "ExecutionTimedOut"});
}

}  // namespace
}  // namespace fnf::legacy_engine_testing

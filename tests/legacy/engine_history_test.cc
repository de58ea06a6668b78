// Legacy history events (docs/behaviour.md, docs/history.md) through
// GetExecutionHistory: their types, step names, details and ScheduleEventId
// links.
#include <algorithm>

#include "tests/legacy/engine_testing.h"

namespace fnf::legacy_engine_testing {
namespace {

using std::chrono::seconds;

// "id <schedule id> Type step detail" per event.
std::vector<std::string> Full(ManualEngine& m, const std::string& flow,
                              const std::string& execution) {
  std::vector<std::string> out;
  for (const HistoryEvent& e : m.Events(flow, execution)) {
    out.push_back(std::to_string(e.event_id) + " <" +
                  std::to_string(e.schedule_event_id) + "> " + e.type +
                  (e.step_name.empty() ? "" : " " + e.step_name) + " " +
                  e.event_detail);
  }
  return out;
}

TEST_CASE("legacy history: a task and a pass, event by event",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler("t", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"r":1})");
  });
  m.Create("h", Legacy("  - type: task\n"
                       "    name: t\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    serviceParams: {x: $.x}\n"
                       "  - type: pass\n"
                       "    name: p\n"));
  m.Run("h", R"({"x":1})", "e1");
  CHECK(Full(m, "h", "e1") ==
        std::vector<std::string>{
            R"(1 <0> ExecutionStarted {"Input":{"x":1}})",
            R"(2 <1> StepEntered t {"Input":{"x":1}})",
            R"(3 <2> TaskScheduled t {"Action":"",)"
            R"("ResourceArn":"acs:fc:::services/s/functions/f",)"
            R"("TaskMode":"requestResponse","Parameters":{"x":1}})",
            R"(4 <3> TaskSucceeded t {"Output":{"r":1}})",
            R"(5 <4> StepExited t {"Output":{"r":1}})",
            R"(6 <5> StepEntered p {"Input":{"x":1,"r":1}})",
            R"(7 <6> StepExited p {"Output":{}})",
            R"(8 <7> ExecutionSucceeded {"Output":{"r":1}})"});
  auto events = m.Events("h", "e1");
  for (const HistoryEvent& e : events) {
    CHECK(e.time == "2019-01-01T00:00:00.000Z");
  }
}

TEST_CASE(
    "legacy history: parallel branches, foreach iterations and a choice "
    "branch",
    "[legacy][engine]") {
  ManualEngine m;
  m.Create("h", Legacy("  - type: parallel\n"
                       "    name: par\n"
                       "    branches:\n"
                       "      - steps:\n"
                       "          - type: pass\n"
                       "            name: l\n"
                       "      - steps:\n"
                       "          - type: wait\n"
                       "            name: w\n"
                       "            duration: 1\n"
                       "  - type: foreach\n"
                       "    name: fe\n"
                       "    iterationMapping: {collection: $.xs, item: x}\n"
                       "    steps:\n"
                       "      - type: pass\n"
                       "        name: ip\n"
                       "  - type: choice\n"
                       "    name: c\n"
                       "    choices:\n"
                       "      - condition: 'true'\n"
                       "        steps:\n"
                       "          - type: pass\n"
                       "            name: cp\n"));
  Start(m, "h", "e1", R"({"xs":[1,2]})");
  AdvanceToNextWakeup(m);
  CHECK(Full(m, "h", "e1") ==
        std::vector<std::string>{
            R"(1 <0> ExecutionStarted {"Input":{"xs":[1,2]}})",
            R"(2 <1> StepEntered par {"Input":{"xs":[1,2]}})",
            R"(3 <2> BranchEntered par {"Index":0})",
            R"(4 <2> BranchEntered par {"Index":1})",
            R"(5 <3> StepEntered l {"Input":{"xs":[1,2]}})",
            R"(6 <5> StepExited l {"Output":{}})",
            R"(7 <6> BranchExited par {"Index":0,"Output":{}})",
            R"(8 <4> StepEntered w {"Input":{"xs":[1,2]}})",
            R"(9 <8> StepExited w {"Output":{}})",
            R"(10 <9> BranchExited par {"Index":1,"Output":{}})",
            R"(11 <10> StepExited par {"Output":{}})",
            R"(12 <11> StepEntered fe {"Input":{"xs":[1,2]}})",
            R"(13 <12> IterationEntered fe {"Index":0})",
            R"(14 <12> IterationEntered fe {"Index":1})",
            R"(15 <13> StepEntered ip {"Input":{"xs":[1,2],"x":1}})",
            R"(16 <15> StepExited ip {"Output":{}})",
            R"(17 <16> IterationExited fe {"Index":0,"Output":{}})",
            R"(18 <14> StepEntered ip {"Input":{"xs":[1,2],"x":2}})",
            R"(19 <18> StepExited ip {"Output":{}})",
            R"(20 <19> IterationExited fe {"Index":1,"Output":{}})",
            R"(21 <20> StepExited fe {"Output":{}})",
            R"(22 <21> StepEntered c {"Input":{"xs":[1,2]}})",
            R"(23 <22> StepEntered cp {"Input":{"xs":[1,2]}})",
            R"(24 <23> StepExited cp {"Output":{}})",
            R"(25 <24> StepExited c {"Output":{}})",
            R"(26 <25> ExecutionSucceeded {"Output":{}})"});
  auto events = m.Events("h", "e1");
  CHECK(events[7].time == "2019-01-01T00:00:00.000Z");
  CHECK(events[8].time == "2019-01-01T00:00:01.000Z");
}

TEST_CASE("legacy history: a retried task that a catch handles",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler(
      "bad", [](const TaskRequest&) { return TaskResult::Failed("E", "c"); });
  m.Create("h", Legacy("  - type: task\n"
                       "    name: bad\n"
                       "    resourceArn: acs:fc:::services/s/functions/f\n"
                       "    retry: [{errors: [E], maxAttempts: 1}]\n"
                       "    catch: [{errors: [E], goto: z}]\n"
                       "    errorMappings:\n"
                       "      - target: code\n"
                       "        source: $local.error\n"
                       "  - type: fail\n"
                       "    name: f\n"
                       "  - type: pass\n"
                       "    name: z\n"));
  Start(m, "h", "e1");
  AdvanceToNextWakeup(m);
  const std::string scheduled =
      R"({"Action":"","ResourceArn":"acs:fc:::services/s/functions/f",)"
      R"("TaskMode":"requestResponse","Parameters":{}})";
  // The caught step fails (StepFailed) and then hands its errorMappings
  // output on (StepExited) before the goto.
  CHECK(Full(m, "h", "e1") ==
        std::vector<std::string>{
            R"(1 <0> ExecutionStarted {"Input":{}})",
            R"(2 <1> StepEntered bad {"Input":{}})",
            "3 <2> TaskScheduled bad " + scheduled,
            R"(4 <3> TaskFailed bad {"Error":"E","Cause":"c"})",
            R"(5 <4> StepFailed bad {"Error":"E","Cause":"c"})",
            R"(6 <5> StepStarted bad {"Input":{}})",
            "7 <6> TaskScheduled bad " + scheduled,
            R"(8 <7> TaskFailed bad {"Error":"E","Cause":"c"})",
            R"(9 <8> StepFailed bad {"Error":"E","Cause":"c"})",
            R"(10 <9> StepExited bad {"Output":{"code":"E"}})",
            R"(11 <10> StepEntered z {"Input":{"code":"E"}})",
            R"(12 <11> StepExited z {"Output":{}})",
            R"(13 <12> ExecutionSucceeded {"Output":{"code":"E"}})"});
  auto events = m.Events("h", "e1");
  CHECK(events[4].time == "2019-01-01T00:00:00.000Z");
  CHECK(events[5].time == "2019-01-01T00:00:01.000Z");
}

TEST_CASE("legacy history: a failing branch, the others cut short",
          "[legacy][engine]") {
  ManualEngine m;
  m.engine->RegisterTaskHandler(
      "slow", [](const TaskRequest&) { return TaskResult::Pending(); });
  m.Create("h",
           Legacy("  - type: parallel\n"
                  "    name: par\n"
                  "    branches:\n"
                  "      - steps:\n"
                  "          - type: task\n"
                  "            name: slow\n"
                  "            resourceArn: acs:fc:::services/s/functions/f\n"
                  "      - steps:\n"
                  "          - type: fail\n"
                  "            name: broken\n"
                  "            error: Broken\n"
                  "            cause: why\n"));
  m.Run("h", "{}", "e1");
  CHECK(Full(m, "h", "e1") ==
        std::vector<std::string>{
            R"(1 <0> ExecutionStarted {"Input":{}})",
            R"(2 <1> StepEntered par {"Input":{}})",
            R"(3 <2> BranchEntered par {"Index":0})",
            R"(4 <2> BranchEntered par {"Index":1})",
            R"(5 <3> StepEntered slow {"Input":{}})",
            R"(6 <5> TaskScheduled slow {"Action":"",)"
            R"("ResourceArn":"acs:fc:::services/s/functions/f",)"
            R"("TaskMode":"requestResponse","Parameters":{}})",
            R"(7 <4> StepEntered broken {"Input":{}})",
            R"(8 <7> StepFailed broken {"Error":"Broken","Cause":"why"})",
            R"(9 <6> StepFailed slow {})",
            R"(10 <8> StepFailed par {"Error":"Broken","Cause":"why"})",
            R"(11 <10> ExecutionFailed {"Error":"Broken","Cause":"why"})"});
}

TEST_CASE("legacy history: a stopped execution and a flow timeout",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("h", Legacy("  - type: wait\n"
                       "    name: w\n"
                       "    duration: 100\n",
                       "timeoutSeconds: 10\n"));
  Start(m, "h", "stopped");
  REQUIRE(m.engine
              ->StopExecution({.flow_name = "h",
                               .execution_name = "stopped",
                               .error = "Halt",
                               .cause = "by hand"})
              .ok());
  CHECK(Full(m, "h", "stopped") ==
        std::vector<std::string>{
            R"(1 <0> ExecutionStarted {"Input":{}})",
            R"(2 <1> StepEntered w {"Input":{}})", R"(3 <2> StepFailed w {})",
            R"(4 <3> ExecutionStopped {"Error":"Halt","Cause":"by hand"})"});
  Start(m, "h", "timed");
  m.clock.Advance(seconds(10));
  m.engine->RunReady();
  CHECK(Full(m, "h", "timed") ==
        std::vector<std::string>{
            R"(1 <0> ExecutionStarted {"Input":{}})",
            R"(2 <1> StepEntered w {"Input":{}})", R"(3 <2> StepFailed w {})",
            R"(4 <3> ExecutionTimedOut {"Error":"FnF.Timeout",)"
            R"("Cause":"the execution did not end within its timeoutSeconds )"
            R"(of 10 seconds"})"});
}

TEST_CASE("legacy history: pages through GetExecutionHistory",
          "[legacy][engine]") {
  ManualEngine m;
  m.Create("h", ReadLegacyData("choice_goto.yaml"));
  m.Run("h", "{}", "e1");
  auto first = m.engine->GetExecutionHistory("h", "e1", 4);
  REQUIRE(first.ok());
  REQUIRE(first->items.size() == 4);
  CHECK(first->next_token == "5");
  auto rest = m.engine->GetExecutionHistory("h", "e1", 100, first->next_token);
  REQUIRE(rest.ok());
  CHECK(rest->items.front().event_id == 5);
  CHECK(rest->items.back().type == "ExecutionSucceeded");
  CHECK(rest->next_token.empty());
}

TEST_CASE("legacy history: a loop without waits stops at the history limit",
          "[legacy][engine]") {
  Limits limits;
  limits.history_events = 100;
  ManualEngine m(limits);
  m.Create("h", Legacy("  - type: pass\n"
                       "    name: again\n"
                       "  - type: choice\n"
                       "    name: loop\n"
                       "    choices:\n"
                       "      - condition: 'true'\n"
                       "        goto: again\n"
                       "  - type: succeed\n"
                       "    name: never\n"));
  Execution e = m.Run("h", "{}", "e1");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.HistoryLimitExceeded");
  CHECK(e.error_message == "the execution history would exceed 100 events");
  CHECK(m.Events("h", "e1").size() <= 100);
}

}  // namespace
}  // namespace fnf::legacy_engine_testing

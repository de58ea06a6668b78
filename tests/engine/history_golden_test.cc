// Full histories of many flows of both dialects, compared byte for byte with
// tests/data/history/golden.txt. The golden text was recorded before history
// became compact binary events rendered when read, so that any change in what
// GetExecutionHistory returns (ids, links, names, types, times, details) shows
// up here. After an intended change, FNF_UPDATE_GOLDEN=1 rewrites the file.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"

namespace fnf {
namespace {

std::string Root() { return FNF_SOURCE_DIR "/"; }

std::string Read(const std::string& path) {
  std::ifstream in(Root() + path);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Case {
  std::string name;
  std::string definition;  // text, or "@path" relative to the repository
  std::string input;
  std::string mocks;  // text, or "@path"; "" for none
  bool stop = false;  // StopExecution once nothing more is ready
};

// The flow's name: the definition's own Name when it has one.
std::string FlowName(const std::string& definition) {
  size_t at = definition.find("\nName: ");
  if (at == std::string::npos) return "f";
  at += 7;
  return definition.substr(at, definition.find('\n', at) - at);
}

std::string Text(const std::string& s) {
  return !s.empty() && s[0] == '@' ? Read(s.substr(1)) : s;
}

const char kHeader[] = "Type: StateMachine\nSpecVersion: v1\n";

std::vector<Case> Cases() {
  std::string chain = std::string(kHeader) + "StartAt: S0\nStates:\n";
  for (int i = 0; i < 5; ++i) {
    chain += "  - Type: Pass\n    Name: S" + std::to_string(i) + "\n" +
             (i < 4 ? "    Next: S" + std::to_string(i + 1) + "\n"
                    : "    End: true\n");
  }
  const std::string map =
      std::string(kHeader) +
      "StartAt: M\nStates:\n  - Type: Map\n    Name: M\n"
      "    ItemsPath: $Input.items\n    MaxConcurrency: 2\n"
      "    Processor:\n      StartAt: P\n      States:\n"
      "        - Type: Pass\n          Name: P\n"
      "          OutputConstructor:\n            doubled.$: $Input.i * 2\n"
      "          End: true\n    End: true\n";
  const std::string failing_map =
      std::string(kHeader) +
      "StartAt: M\nStates:\n  - Type: Map\n    Name: M\n"
      "    ItemsPath: $Input.items\n"
      "    Processor:\n      StartAt: C\n      States:\n"
      "        - Type: Choice\n          Name: C\n          Branches:\n"
      "            - Condition: $Input.i == 1\n              Next: Bad\n"
      "          Default: Good\n"
      "        - Type: Fail\n          Name: Bad\n          Code: ItemFailed\n"
      "          Detail: item one\n"
      "        - Type: Succeed\n          Name: Good\n"
      "    Catch:\n      - Errors: [ItemFailed]\n        Next: After\n"
      "    Next: After\n"
      "  - Type: Pass\n    Name: After\n    End: true\n";
  const std::string loop =
      std::string(kHeader) +
      "StartAt: Inc\nStates:\n  - Type: Pass\n    Name: Inc\n"
      "    OutputConstructor:\n      counter.$: intAdd($Input.counter, 1)\n"
      "    Next: Check\n  - Type: Choice\n    Name: Check\n    Branches:\n"
      "      - Condition: $Input.counter >= 3\n        Next: Done\n"
      "    Default: Inc\n  - Type: Succeed\n    Name: Done\n";
  const std::string parallel =
      std::string(kHeader) +
      "StartAt: P\nStates:\n  - Type: Parallel\n    Name: P\n    Branches:\n"
      "      - StartAt: X\n        States:\n          - Type: Pass\n"
      "            Name: X\n            End: true\n"
      "      - StartAt: Y\n        States:\n          - Type: Wait\n"
      "            Name: Y\n            Seconds: 5\n            End: true\n"
      "    Next: Z\n  - Type: Pass\n    Name: Z\n"
      "    InputConstructor:\n      both.$: $Input\n    End: true\n";
  const std::string parallel_catch =
      std::string(kHeader) +
      "StartAt: P\nStates:\n  - Type: Parallel\n    Name: P\n    Branches:\n"
      "      - StartAt: X\n        States:\n          - Type: Fail\n"
      "            Name: X\n            Code: Boom\n            Detail: bad\n"
      "    Catch:\n      - Errors: [Boom]\n        Next: Y\n    Next: Y\n"
      "  - Type: Pass\n    Name: Y\n    End: true\n";
  const std::string task_retry =
      std::string(kHeader) +
      "StartAt: T\nStates:\n  - Type: Task\n    Name: T\n"
      "    Action: HTTP:Request\n    Parameters:\n      n.$: $Input.n\n"
      "    Retry:\n      - Errors: [Flaky]\n        MaxAttempts: 3\n"
      "        IntervalSeconds: 1\n    End: true\n";
  const std::string waiting =
      std::string(kHeader) +
      "StartAt: W\nStates:\n  - Type: Wait\n    Name: W\n    Seconds: 60\n"
      "    End: true\n";
  const std::string timeout =
      std::string(kHeader) +
      "Timeout: 10\nStartAt: W\nStates:\n  - Type: Wait\n    Name: W\n"
      "    Seconds: 60\n    End: true\n";
  return {
      {"chain", chain, R"({"a":1,"b":"x"})", ""},
      {"map", map, R"({"items":[{"i":0},{"i":1},{"i":2}]})", ""},
      {"map-empty", map, R"({"items":[]})", ""},
      {"map-failing-item", failing_map, R"({"items":[{"i":0},{"i":1}]})", ""},
      {"loop", loop, R"({"counter":0})", ""},
      {"parallel", parallel, R"({"z":[1,"two",null]})", ""},
      {"parallel-catch", parallel_catch, R"({"z":true})", ""},
      {"task-retry", task_retry, R"({"n":7})",
       R"({"T":[{"Error":"Flaky","Cause":"once"},{"ok":"yes"}]})"},
      {"task-retries-exhausted", task_retry, R"({"n":8})",
       R"({"T":[{"Error":"Flaky","Cause":"always"}]})"},
      {"stopped", waiting, R"({})", "", true},
      {"timeout", timeout, R"({"t":"o"})", ""},
      {"hello", "@examples/flows/hello.yaml", R"({"name":"fnf"})", ""},
      {"reject", "@examples/flows/reject.yaml", R"({"order":42})", ""},
      {"order", "@examples/flows/order.yaml",
       R"({"orderId":"o-1","amount":120})", "@examples/flows/mocks/order.yaml"},
      {"poll", "@examples/flows/poll.yaml", "{}", ""},
      {"cli-fail", "@tests/data/cli/fail.yaml", R"({"k":"v"})", ""},
      {"cli-task", "@tests/data/cli/task.yaml", "{}",
       "@tests/data/cli/mocks.yaml"},
      {"cli-retry-task", "@tests/data/cli/retry_task.yaml", "{}",
       R"({"Work":[{"Error":"MyError","Cause":"try again"}]})"},
      {"cli-failing-task", "@tests/data/cli/task.yaml", "{}",
       "@tests/data/cli/failing_mocks.yaml"},
      {"cli-wait", "@tests/data/cli/wait.yaml", "{}", ""},
      {"legacy-greet", "@tests/data/legacy/greet.yaml", R"({"name":"ann"})",
       R"({"greet":[{"hello":"ann"}]})"},
      {"legacy-choice", "@tests/data/legacy/choice_goto.yaml", R"({"input":1})",
       ""},
      {"legacy-foreach", "@tests/data/legacy/parallel_foreach.yaml",
       R"({"names":["ann","bob"],"greeting":"hi"})",
       R"({"greet":[{"text":"hi ann"},{"text":"hi bob"}]})"},
      {"legacy-catch", "@tests/data/legacy/catch_error_mappings.yaml",
       R"({"train":"G1"})", "@tests/data/legacy/mocks.yaml"},
      {"legacy-polling", "@tests/data/legacy/polling_loop.yaml",
       R"({"interval":5})",
       R"({"submit":[{"jobId":"j1"}],)"
       R"("check":[{"status":"running"},{"status":"done"}]})"},
      {"legacy-wait", "@tests/data/legacy/two_minutes.yaml", "{}", ""},
      {"legacy-stopped", "@tests/data/legacy/two_minutes.yaml", "{}", "", true},
  };
}

// Runs one case to its end on a manual clock and prints its description and
// every event of its history.
std::string Run(const Case& c) {
  ManualClock clock;
  EngineOptions options;
  options.worker_threads = 0;
  options.clock = &clock;
  options.random_seed = 7;
  Engine engine(options);
  std::ostringstream out;
  out << "== " << c.name << "\n";
  const std::string definition = Text(c.definition);
  const std::string f = FlowName(definition);
  auto flow = engine.CreateFlow({.name = f, .definition = definition});
  if (!flow.ok()) {
    out << "CreateFlow: " << flow.status().ToString() << "\n";
    return out.str();
  }
  if (!c.mocks.empty()) {
    Status s = engine.LoadMocks(Text(c.mocks));
    if (!s.ok()) out << "LoadMocks: " << s.ToString() << "\n";
  }
  auto started = engine.StartExecution(
      {.flow_name = f, .execution_name = "x", .input = c.input});
  if (!started.ok()) {
    out << "StartExecution: " << started.status().ToString() << "\n";
    return out.str();
  }
  for (int round = 0; round < 100; ++round) {
    engine.RunReady();
    auto d = engine.DescribeExecution(f, "x");
    if (!d.ok() || d->status != ExecutionStatus::kRunning) break;
    if (c.stop) {
      auto s = engine.StopExecution({.flow_name = f,
                                     .execution_name = "x",
                                     .error = "Halt",
                                     .cause = "stopped by the test"});
      if (!s.ok()) out << "StopExecution: " << s.status().ToString() << "\n";
      continue;
    }
    auto wake = engine.NextWakeupTime();
    if (!wake) break;
    clock.Set(*wake);
  }
  auto d = engine.DescribeExecution(f, "x");
  out << "status=" << static_cast<int>(d->status) << " output=" << d->output
      << " error=" << d->error_code << " cause=" << d->error_message
      << " started=" << d->started_time << " stopped=" << d->stopped_time
      << "\n";
  std::string token;
  do {
    auto page = engine.GetExecutionHistory(f, "x", 7, token);
    REQUIRE(page.ok());
    for (const HistoryEvent& e : page->items) {
      out << e.event_id << " " << e.schedule_event_id << " " << e.type << " ["
          << e.step_name << "] " << e.time << " " << e.event_detail << "\n";
    }
    token = page->next_token;
  } while (!token.empty());
  return out.str();
}

TEST_CASE("history: full histories match the recorded golden text",
          "[engine][history]") {
  std::string all;
  for (const Case& c : Cases()) all += Run(c);
  const std::string path = "tests/data/history/golden.txt";
  if (const char* update = std::getenv("FNF_UPDATE_GOLDEN");
      update != nullptr && std::string(update) == "1") {
    std::ofstream(Root() + path) << all;
  }
  std::string golden = Read(path);
  // Line by line, so that a failure names the first event that differs.
  std::istringstream got(all), want(golden);
  std::string g, w;
  int line = 0;
  while (true) {
    bool more_got = static_cast<bool>(std::getline(got, g));
    bool more_want = static_cast<bool>(std::getline(want, w));
    ++line;
    if (!more_got && !more_want) break;
    INFO(path << ":" << line);
    REQUIRE(g == w);
  }
}

}  // namespace
}  // namespace fnf

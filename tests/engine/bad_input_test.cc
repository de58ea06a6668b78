// Hostile and careless input through the public API: each returns a Status
// with the right code and a readable message, and nothing crashes, loops or
// runs out of memory (issue: bad input and runaway work).
#include <set>
#include <string>
#include <type_traits>
#include <utility>

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"
#include "tests/testing/hostile_input.h"

namespace fnf {
namespace {

using testing::AliasBomb;
using testing::DeepObject;
using testing::Flow;
using testing::ManualEngine;

const std::string kPass = Flow("  - {Type: Pass, Name: A, End: true}\n");

Status Create(ManualEngine& m, const std::string& name,
              const std::string& definition) {
  CreateFlowRequest r;
  r.name = name;
  r.definition = definition;
  StatusOr<fnf::Flow> f = m.engine->CreateFlow(r);
  return f.ok() ? Status() : f.status();
}

StatusOr<Execution> Start(ManualEngine& m, const std::string& flow,
                          const std::string& input,
                          const std::string& name = "") {
  StartExecutionRequest r;
  r.flow_name = flow;
  r.execution_name = name;
  r.input = input;
  return m.engine->StartExecution(r);
}

// A task state answered by a handler registered under "Demo:Work".
const std::string kTask =
    Flow("  - {Type: Task, Name: A, Action: 'Demo:Work', End: true}\n");

TEST_CASE("item 1: one-byte YAML definitions are InvalidArgument everywhere",
          "[limits]") {
  ManualEngine m;
  for (auto [text, where] :
       {std::pair<std::string, std::string>{",", "1:1"}, {"- a\n,", "2:1"}}) {
    INFO(text);
    Status s = Create(m, "f", text);
    CHECK(s.code() == "InvalidArgument");
    CHECK(s.message() == "Invalid flow definition: " + where +
                             ": invalid YAML: unexpected ','");
    std::vector<Diagnostic> d = m.engine->ValidateDefinition(text);
    REQUIRE(d.size() == 1);
    CHECK(d[0].ToString() == where + ": invalid YAML: unexpected ','");
    Status mocks = m.engine->LoadMocks(text);
    CHECK(mocks.code() == "InvalidArgument");
    CHECK(mocks.message() ==
          "Invalid mock file: " + where + ": invalid YAML: unexpected ','");
  }
}

TEST_CASE("item 1: the alias bomb is InvalidArgument", "[limits]") {
  ManualEngine m;
  const std::string bomb = AliasBomb();
  CHECK(bomb.size() == 414);
  Status s = Create(m, "f", bomb);
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() ==
        "Invalid flow definition: 5:4: anchors and aliases copy more than "
        "100000 values");
  CHECK(m.engine->ValidateDefinition(bomb).size() == 1);
  CHECK(m.engine->LoadMocks(bomb).message() ==
        "Invalid mock file: 5:4: anchors and aliases copy more than 100000 "
        "values");
}

TEST_CASE("item 2: deep JSON is refused at 512 levels wherever it comes in",
          "[limits]") {
  ManualEngine m;
  m.Create("pass", kPass);
  const std::string deep = DeepObject(30000);
  auto started = Start(m, "pass", deep);
  REQUIRE_FALSE(started.ok());
  CHECK(started.status().code() == "InvalidArgument");
  CHECK(started.status().message() ==
        "Input is not valid JSON: nested more than 512 levels at line 1, "
        "column 2561");
  CHECK(Start(m, "pass", DeepObject(512)).ok());

  // A JSON definition nested 70,000 levels.
  Status def = Create(m, "deep", std::string(70000, '[') + "]");
  CHECK(def.code() == "InvalidArgument");
  CHECK(def.message() ==
        "Invalid flow definition: 1:513: invalid JSON: nested more than 512 "
        "levels");
}

TEST_CASE("item 2: a deep task output is refused, reported or returned",
          "[limits]") {
  ManualEngine m;
  m.Create("task", kTask);
  std::string token;
  m.engine->RegisterTaskHandler("Demo:Work", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  REQUIRE(Start(m, "task", "{}", "e1").ok());
  m.engine->RunReady();
  REQUIRE_FALSE(token.empty());
  Status s = m.engine->ReportTaskSucceeded(token, DeepObject(30000));
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() ==
        "Output is not valid JSON: nested more than 512 levels at line 1, "
        "column 2561");

  // The same output handed back by a handler fails the task.
  m.engine->RegisterTaskHandler("Demo:Work", [&](const TaskRequest&) {
    return TaskResult::Succeeded(DeepObject(30000));
  });
  Execution e = m.Run("task", "{}", "e2");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.TaskFailed");
  CHECK(e.error_message ==
        "the task output is not valid JSON: nested more than 512 levels");
}

TEST_CASE("item 2: constructors and scopes nested past the limit fail fast",
          "[limits]") {
  ManualEngine m;
  // An InputConstructor nested 14,000 levels.
  std::string ctor;
  for (int i = 0; i < 14000; ++i) ctor += R"({"a":)";
  ctor += "1" + std::string(14000, '}');
  Status s =
      Create(m, "ctor",
             R"({"Type":"StateMachine","SpecVersion":"v1","StartAt":"A",)"
             R"("States":[{"Type":"Pass","Name":"A","End":true,)"
             R"("InputConstructor":)" +
                 ctor + "}]}");
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() ==
        "Invalid flow definition: 1:2668: invalid JSON: nested more than 512 "
        "levels");

  // 3,000 nested Parallels.
  auto nested_parallels = [](int n) {
    std::string open, close;
    for (int i = 0; i < n; ++i) {
      open += R"({"Type":"Parallel","Name":"P)" + std::to_string(i) +
              R"(","End":true,"Branches":[{"StartAt":"P)" +
              std::to_string(i + 1) + R"(","States":[)";
      close += "]}]}";
    }
    return R"({"Type":"StateMachine","SpecVersion":"v1","StartAt":"P0",)"
           R"("States":[)" +
           open + R"({"Type":"Pass","Name":"P)" + std::to_string(n) +
           R"(","End":true})" + close + "]}";
  };
  Status p = Create(m, "par", nested_parallels(3000));
  CHECK(p.code() == "InvalidArgument");
  CHECK(p.message().find("nested more than 512 levels") != std::string::npos);
  // As deep as the limit allows still compiles and runs.
  REQUIRE(Create(m, "par", nested_parallels(126)).ok());
  CHECK(m.Run("par", R"({"x":1})").status == ExecutionStatus::kSucceeded);
}

TEST_CASE("item 2: stringToJson of deep text fails the execution", "[limits]") {
  ManualEngine m;
  m.Create("s2j", Flow("  - Type: Pass\n"
                       "    Name: A\n"
                       "    InputConstructor:\n"
                       "      v.$: stringToJson($Input.text)\n"
                       "    End: true\n"));
  Execution e = m.Run("s2j", R"({"text":")" + std::string(600, '[') + R"("})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_message.find("nested more than 512 levels") !=
        std::string::npos);
}

TEST_CASE(
    "item 3: zero with any exponent stays zero in inputs, outputs and "
    "definitions",
    "[limits]") {
  ManualEngine m;
  m.Create("pass", kPass);
  CHECK(m.Run("pass", R"({"a":0e302,"b":0e-38,"c":[0E400]})").output ==
        R"({"a":0.0,"b":0.0,"c":[0.0]})");

  m.Create("task", kTask);
  m.engine->RegisterTaskHandler("Demo:Work", [](const TaskRequest&) {
    return TaskResult::Succeeded(R"({"r":0e302,"s":1.5e-3})");
  });
  CHECK(m.Run("task").output == R"({"r":0.0,"s":0.0015})");

  REQUIRE(Create(m, "json",
                 R"({"Type":"StateMachine","SpecVersion":"v1","StartAt":"A",)"
                 R"("States":[{"Type":"Pass","Name":"A","End":true,)"
                 R"("InputConstructor":{"z":0e302,"y":-0e-38}}]})")
              .ok());
  CHECK(m.Run("json").output == R"({"z":0.0,"y":-0.0})");
}

TEST_CASE("item 6: ListExecutions pages through generated names", "[limits]") {
  ManualEngine m;
  m.Create("pass", kPass);
  std::set<std::string> names;
  bool digit_first = false;
  for (int i = 0; i < 20; ++i) {
    auto e = Start(m, "pass", "{}");
    REQUIRE(e.ok());
    names.insert(e->name);
    digit_first |= e->name[0] >= '0' && e->name[0] <= '9';
  }
  REQUIRE(digit_first);  // the case the token check used to refuse
  std::set<std::string> listed;
  ListRequest r;
  r.flow_name = "pass";
  r.limit = 3;
  for (int pages = 0; pages < 20; ++pages) {
    auto page = m.engine->ListExecutions(r);
    INFO(page.status().ToString());
    REQUIRE(page.ok());
    for (const Execution& e : page->items) listed.insert(e.name);
    if (page->next_token.empty()) break;
    r.next_token = page->next_token;
  }
  CHECK(listed == names);
  r.next_token = std::string(300, 'x');
  auto bad = m.engine->ListExecutions(r);
  CHECK(bad.status().code() == "InvalidArgument");
  CHECK(bad.status().message() ==
        "NextToken is 300 bytes long; a token from a previous page is at most "
        "256");
}

TEST_CASE("Error and Cause must be UTF-8; a handler's bytes are repaired",
          "[limits]") {
  ManualEngine m;
  m.Create("task", kTask);
  std::string token;
  m.engine->RegisterTaskHandler("Demo:Work", [&](const TaskRequest& r) {
    token = r.task_token;
    return TaskResult::Pending();
  });
  REQUIRE(Start(m, "task", "{}", "e1").ok());
  m.engine->RunReady();
  Status s = m.engine->ReportTaskFailed(token, "E\xff", "c");
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() == "Error is not valid UTF-8 (byte 2)");
  s = m.engine->ReportTaskFailed(token, "E", "ok \xc3");
  CHECK(s.message() == "Cause is not valid UTF-8 (byte 4)");
  auto stopped = m.engine->StopExecution({"task", "e1", "Stop\xfe", ""});
  CHECK(stopped.status().message() == "Error is not valid UTF-8 (byte 5)");

  m.engine->RegisterTaskHandler("Demo:Work", [](const TaskRequest&) {
    return TaskResult::Failed("Bad\xff", "cause \xc0!");
  });
  Execution e = m.Run("task", "{}", "e2");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "Bad\xEF\xBF\xBD");
  CHECK(e.error_message == "cause \xEF\xBF\xBD!");
}

TEST_CASE("state names must be UTF-8 in YAML definitions too", "[limits]") {
  ManualEngine m;
  Status s =
      Create(m, "f", Flow("  - {Type: Pass, Name: \"A\xff\", End: true}\n"));
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() ==
        "Invalid flow definition: 5:26: invalid UTF-8 (byte 80)");
}

TEST_CASE("messages quote at most 64 bytes of a value", "[limits]") {
  ManualEngine m;
  const std::string huge(1 << 20, 'n');
  auto d = m.engine->DescribeFlow(huge);
  CHECK(d.status().code() == "FlowNotExists");
  CHECK(d.status().message() ==
        "Flow " + std::string(64, 'n') + "... (1048576 bytes) does not exist.");
  Status r = m.engine->ReportTaskSucceeded(huge, "{}");
  CHECK(r.message() == "Task token '" + std::string(64, 'n') +
                           "... (1048576 bytes)' is not valid.");
}

TEST_CASE("ValidateDefinition refuses a Name that CreateFlow refuses",
          "[limits]") {
  ManualEngine m;
  const std::string def = "Name: bad name\n" + kPass;
  std::vector<Diagnostic> d = m.engine->ValidateDefinition(def);
  REQUIRE(d.size() == 1);
  const std::string problem =
      "Name 'bad name' is invalid: character ' ' at position 4 is not allowed "
      "(only letters, digits, '_' and '-')";
  CHECK(d[0].ToString() == problem);
  Status s = Create(m, "bad_name", def);
  CHECK(s.message() == "Invalid flow definition: " + problem);
}

TEST_CASE("StatusOr::status() is a reference for lvalues", "[limits]") {
  static_assert(
      std::is_same_v<decltype(std::declval<const StatusOr<int>&>().status()),
                     const Status&>);
  static_assert(
      std::is_same_v<decltype(std::declval<StatusOr<int>>().status()), Status>);
  StatusOr<int> bad = Status(ErrorCode::kInvalidArgument, "why");
  const std::string& message = bad.status().message();  // must not dangle
  CHECK(message == "why");
  StatusOr<int> good = 1;
  CHECK(good.status().ok());
  CHECK(std::move(bad).status().message() == "why");
}

}  // namespace
}  // namespace fnf

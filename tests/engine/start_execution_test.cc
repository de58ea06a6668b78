// StartExecution, exactly as the service's page defines it (docs/behaviour.md).
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using testing::Flow;
using testing::ManualEngine;

const std::string kPass = Flow("  - {Type: Pass, Name: A, End: true}\n");

StartExecutionRequest Start(std::string flow, std::string name = "",
                            std::string input = "") {
  StartExecutionRequest r;
  r.flow_name = std::move(flow);
  r.execution_name = std::move(name);
  r.input = std::move(input);
  return r;
}

TEST_CASE("StartExecution on an unknown flow is FlowNotExists", "[start]") {
  ManualEngine m;
  auto e = m.engine->StartExecution(Start("nope", "e1"));
  REQUIRE_FALSE(e.ok());
  CHECK(e.status().code() == "FlowNotExists");
  CHECK(e.status().http_status() == 404);
  CHECK(e.status().message() == "Flow nope does not exist.");
}

TEST_CASE("StartExecution returns Running with every field, then the flow runs",
          "[start]") {
  ManualEngine m;
  m.Create("f1", kPass);
  auto e =
      m.engine->StartExecution(Start("f1", "e1", R"({"a": 1, "b": [true]})"));
  REQUIRE(e.ok());
  CHECK(e->name == "e1");
  CHECK(e->flow_name == "f1");
  CHECK(e->status == ExecutionStatus::kRunning);
  CHECK(e->flow_definition == kPass);
  CHECK(e->input == R"({"a":1,"b":[true]})");
  CHECK(e->output.empty());
  CHECK(e->started_time == "2019-01-01T00:00:00.000Z");
  CHECK(e->stopped_time.empty());
  CHECK(e->request_id.size() == 36);
  m.clock.Advance(std::chrono::milliseconds(1234));
  CHECK(m.engine->RunReady() > 0);
  auto d = m.engine->DescribeExecution("f1", "e1");
  REQUIRE(d.ok());
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(d->output == R"({"a":1,"b":[true]})");
  CHECK(d->stopped_time == "2019-01-01T00:00:01.234Z");
  CHECK(d->error_code.empty());
}

TEST_CASE("StartExecution without a name generates a unique UUID-style name",
          "[start]") {
  ManualEngine m;
  m.Create("f1", kPass);
  auto a = m.engine->StartExecution(Start("f1"));
  auto b = m.engine->StartExecution(Start("f1"));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->name.size() == 36);
  CHECK(a->name[14] == '4');
  CHECK(a->name != b->name);
}

TEST_CASE("StartExecution checks the execution name rules, saying which failed",
          "[start]") {
  ManualEngine m;
  m.Create("f1", kPass);
  struct Case {
    std::string name, message;
  };
  for (
      const Case& c : std::vector<Case>{
          {"9lives",
           "ExecutionName '9lives' is invalid: it must start with a letter or "
           "'_'"},
          {"-x",
           "ExecutionName '-x' is invalid: it must start with a letter or '_'"},
          {"a.b",
           "ExecutionName 'a.b' is invalid: character '.' at position 2 is not "
           "allowed (only letters, digits, '_' and '-')"},
          {std::string(129, 'e'),
           "ExecutionName is 129 characters long; it must be 1 to 128 "
           "characters"},
      }) {
    auto e = m.engine->StartExecution(Start("f1", c.name));
    REQUIRE_FALSE(e.ok());
    CHECK(e.status().code() == "InvalidArgument");
    CHECK(e.status().message() == c.message);
  }
  CHECK(m.engine->StartExecution(Start("f1", std::string(128, 'e'))).ok());
  CHECK(m.engine->StartExecution(Start("f1", "_x-Y_1")).ok());
}

TEST_CASE("Execution names are case-sensitive", "[start]") {
  ManualEngine m;
  m.Create("f1", kPass);
  REQUIRE(m.Run("f1", "{}", "Run").status == ExecutionStatus::kSucceeded);
  CHECK(m.Run("f1", "{}", "run").status == ExecutionStatus::kSucceeded);
}

TEST_CASE(
    "Same name still running: the running execution is returned, nothing new "
    "starts",
    "[start]") {
  ManualEngine m;
  m.Create("f1", kPass);
  auto first = m.engine->StartExecution(Start("f1", "e1", R"({"n": 1})"));
  REQUIRE(first.ok());
  auto second = m.engine->StartExecution(Start("f1", "e1", R"({"n": 2})"));
  REQUIRE(second.ok());
  CHECK(second->status == ExecutionStatus::kRunning);
  CHECK(second->input == R"({"n":1})");
  CHECK(second->started_time == first->started_time);
  m.engine->RunReady();
  ListRequest lr;
  lr.flow_name = "f1";
  auto page = m.engine->ListExecutions(lr);
  REQUIRE(page->items.size() == 1);
  CHECK(page->items[0].output == R"({"n":1})");
}

TEST_CASE("Same name already ended (any status): ExecutionAlreadyExists",
          "[start]") {
  ManualEngine m;
  m.Create("ok", kPass);
  m.Create("bad", Flow("  - {Type: Fail, Name: A, Code: E, Detail: D}\n"));
  CHECK(m.Run("ok", "{}", "e1").status == ExecutionStatus::kSucceeded);
  CHECK(m.Run("bad", "{}", "e1").status == ExecutionStatus::kFailed);
  for (const char* flow : {"ok", "bad"}) {
    auto again = m.engine->StartExecution(Start(flow, "e1"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.status().code() == "ExecutionAlreadyExists");
    CHECK(again.status().http_status() == 400);
    CHECK(again.status().message() ==
          std::string("Execution e1 for flow ") + flow + " already exists.");
  }
  // Stopped counts as ended too.
  REQUIRE(m.engine->StartExecution(Start("ok", "s1")).ok());
  StopExecutionRequest stop;
  stop.flow_name = "ok";
  stop.execution_name = "s1";
  REQUIRE(m.engine->StopExecution(stop).ok());
  CHECK(m.engine->StartExecution(Start("ok", "s1")).status().code() ==
        "ExecutionAlreadyExists");
}

TEST_CASE("Input must be a JSON object, absent means {}", "[start]") {
  ManualEngine m;
  m.Create("f1", kPass);
  struct Case {
    std::string input, message;
  };
  for (const Case& c : std::vector<Case>{
           {"[1,2]", "Input must be a JSON object, got array"},
           {"42", "Input must be a JSON object, got number"},
           {"\"s\"", "Input must be a JSON object, got string"},
           {"null", "Input must be a JSON object, got null"},
           {"{\"a\":",
            "Input is not valid JSON: Invalid value at line 1, column 6"},
           {"{} {}",
            "Input is not valid JSON: The document root must not be followed "
            "by other "
            "values at line 1, column 4"},
       }) {
    auto e = m.engine->StartExecution(Start("f1", "", c.input));
    REQUIRE_FALSE(e.ok());
    CHECK(e.status().code() == "InvalidArgument");
    CHECK(e.status().message() == c.message);
  }
  Execution e = m.Run("f1", "", "empty");
  CHECK(e.input == "{}");
  CHECK(e.output == "{}");
}

TEST_CASE("An input over the request limit is EntityTooLarge", "[start]") {
  Limits limits;
  limits.request_bytes = 200;
  ManualEngine m(limits);
  m.Create("f1", kPass);
  std::string big = R"({"k":")" + std::string(200, 'x') + R"("})";
  auto e = m.engine->StartExecution(Start("f1", "e1", big));
  REQUIRE_FALSE(e.ok());
  CHECK(e.status().code() == "EntityTooLarge");
  CHECK(e.status().message() ==
        "The payload size exceeds maximum allowed size (200 bytes).");
}

TEST_CASE("StartExecution on an Express flow is ActionNotSupported",
          "[start]") {
  ManualEngine m;
  m.Create("x", kPass, "Express");
  auto e = m.engine->StartExecution(Start("x", "e1"));
  REQUIRE_FALSE(e.ok());
  CHECK(e.status().code() == "ActionNotSupported");
  CHECK(e.status().message() ==
        "Express execution is not supported by StartExecution: flow x is in "
        "Express mode; use "
        "StartSyncExecution.");
}

TEST_CASE("StartSyncExecution runs an Express flow to its end", "[start]") {
  ManualEngine m;
  m.Create("x", kPass, "Express");
  m.Create("s", kPass);
  auto e = m.engine->StartSyncExecution(Start("x", "job", R"({"v":3})"));
  REQUIRE(e.ok());
  CHECK(e->status == ExecutionStatus::kSucceeded);
  CHECK(e->output == R"({"v":3})");
  CHECK(e->name.rfind("job:", 0) == 0);
  CHECK(e->name.size() == 4 + 36);
  // Express names need not be unique.
  auto again = m.engine->StartSyncExecution(Start("x", "job"));
  REQUIRE(again.ok());
  CHECK(again->name != e->name);
  auto std_flow = m.engine->StartSyncExecution(Start("s", "job"));
  REQUIRE_FALSE(std_flow.ok());
  CHECK(std_flow.status().code() == "ActionNotSupported");
  CHECK(std_flow.status().message() ==
        "Standard execution is not supported by StartSyncExecution: flow s is "
        "in Standard "
        "mode; use StartExecution.");
}

TEST_CASE("A running execution keeps the definition it started with",
          "[start]") {
  ManualEngine m;
  m.Create("f1", Flow("  - {Type: Pass, Name: A, End: true}\n"));
  auto e = m.engine->StartExecution(Start("f1", "e1", R"({"x":1})"));
  REQUIRE(e.ok());
  UpdateFlowRequest u;
  u.name = "f1";
  u.definition = Flow("  - {Type: Fail, Name: A, Code: Changed}\n");
  REQUIRE(m.engine->UpdateFlow(u).ok());
  m.engine->RunReady();
  auto d = m.engine->DescribeExecution("f1", "e1");
  CHECK(d->status == ExecutionStatus::kSucceeded);
  CHECK(d->flow_definition == Flow("  - {Type: Pass, Name: A, End: true}\n"));
  CHECK(m.Run("f1", "{}", "e2").error_code == "Changed");
}

}  // namespace
}  // namespace fnf

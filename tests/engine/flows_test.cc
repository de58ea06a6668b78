// CreateFlow, UpdateFlow, DescribeFlow, DeleteFlow, ListFlows through the
// public API.
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using testing::Flow;
using testing::ManualEngine;

const std::string kPass = Flow("  - {Type: Pass, Name: A, End: true}\n");

CreateFlowRequest Req(std::string name, std::string def = kPass) {
  CreateFlowRequest r;
  r.name = std::move(name);
  r.definition = std::move(def);
  return r;
}

TEST_CASE("CreateFlow returns the flow and DescribeFlow finds it", "[flows]") {
  ManualEngine m;
  CreateFlowRequest r = Req("f1");
  r.description = "demo";
  r.role_arn = "acs:ram::1:role/fnf";
  auto f = m.engine->CreateFlow(r);
  REQUIRE(f.ok());
  CHECK(f->name == "f1");
  CHECK(f->type == "FDL");
  CHECK(f->execution_mode == "Standard");
  CHECK(f->description == "demo");
  CHECK(f->role_arn == "acs:ram::1:role/fnf");
  CHECK(f->created_time == "2019-01-01T00:00:00.000Z");
  CHECK(f->last_modified_time == f->created_time);
  CHECK(f->id.size() == 36);
  auto d = m.engine->DescribeFlow("f1");
  REQUIRE(d.ok());
  CHECK(d->definition == kPass);
  CHECK(d->id == f->id);
}

TEST_CASE("CreateFlow refuses a duplicate name with FlowAlreadyExists",
          "[flows]") {
  ManualEngine m;
  REQUIRE(m.engine->CreateFlow(Req("f1")).ok());
  auto again = m.engine->CreateFlow(Req("f1"));
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().code() == "FlowAlreadyExists");
  CHECK(again.status().http_status() == 409);
  CHECK(again.status().message() == "Flow f1 already exists.");
}

TEST_CASE("CreateFlow checks the name rules", "[flows]") {
  ManualEngine m;
  struct Case {
    std::string name, message;
  };
  for (const Case& c : std::vector<Case>{
           {"", "Name must not be empty"},
           {"1abc",
            "Name '1abc' is invalid: it must start with a letter or '_'"},
           {"-abc",
            "Name '-abc' is invalid: it must start with a letter or '_'"},
           {"a b",
            "Name 'a b' is invalid: character ' ' at position 2 is not allowed "
            "(only "
            "letters, digits, '_' and '-')"},
           {std::string(129, 'a'),
            "Name is 129 characters long; it must be 1 to 128 characters"},
       }) {
    auto f = m.engine->CreateFlow(Req(c.name));
    REQUIRE_FALSE(f.ok());
    CHECK(f.status().code() == "InvalidArgument");
    CHECK(f.status().http_status() == 400);
    CHECK(f.status().message() == c.message);
  }
  CHECK(m.engine->CreateFlow(Req(std::string(128, 'a'))).ok());
  CHECK(m.engine->CreateFlow(Req("_a-B_9")).ok());
}

TEST_CASE("CreateFlow checks ExecutionMode and Type", "[flows]") {
  ManualEngine m;
  CreateFlowRequest r = Req("f1");
  r.execution_mode = "Fast";
  auto f = m.engine->CreateFlow(r);
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message() ==
        "ExecutionMode 'Fast' is invalid: expected Standard or Express");
  r.execution_mode = "Express";
  f = m.engine->CreateFlow(r);
  REQUIRE(f.ok());
  CHECK(f->execution_mode == "Express");
  r = Req("f2");
  r.execution_mode = "";
  f = m.engine->CreateFlow(r);
  REQUIRE(f.ok());
  CHECK(f->execution_mode == "Standard");
  r = Req("f3");
  r.type = "XML";
  CHECK(m.engine->CreateFlow(r).status().message() ==
        "Type 'XML' is invalid: expected FDL");
}

TEST_CASE("CreateFlow reports every definition problem with line and column",
          "[flows]") {
  ManualEngine m;
  const std::string def =
      "Type: StateMachine\n"
      "SpecVersion: v1\n"
      "StartAt: A\n"
      "States:\n"
      "  - Type: Pass\n"
      "    Name: A\n"
      "    Next: Nowhere\n"
      "  - Type: Pass\n"
      "    Name: B\n";
  auto f = m.engine->CreateFlow(Req("bad", def));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().code() == "InvalidArgument");
  CHECK(f.status().message() ==
        "Invalid flow definition: 7:11: States[0].Next: state 'Nowhere' does "
        "not exist in the "
        "top-level States; 8:5: States[1]: needs Next or End: true; 8:5: "
        "States[1]: state 'B' "
        "is unreachable: no StartAt, Next, Default or Catch leads to it");
  auto d = m.engine->ValidateDefinition(def);
  REQUIRE(d.size() == 3);
  CHECK(d[0].line == 7);
  CHECK(d[0].column == 11);
  CHECK(d[0].path == "States[0].Next");
}

TEST_CASE("CreateFlow refuses an unknown state type, naming it", "[flows]") {
  ManualEngine m;
  auto f = m.engine->CreateFlow(
      Req("t", Flow("  - {Type: Pass, Name: A, Next: B}\n"
                    "  - {Type: Sleep, Name: B, End: true}\n")));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().code() == "InvalidArgument");
  CHECK(f.status().message() ==
        "Invalid flow definition: 6:12: States[1].Type: unknown state type "
        "'Sleep' (expected "
        "Pass, Task, Wait, Choice, Parallel, Map, Succeed or Fail)");
}

TEST_CASE("CreateFlow: definition Name must equal the flow name", "[flows]") {
  ManualEngine m;
  std::string def = "Name: other\n" + kPass;
  auto f = m.engine->CreateFlow(Req("mine", def));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message() ==
        "Invalid flow definition: Name: the definition's Name 'other' differs "
        "from the flow "
        "name 'mine'");
  CHECK(m.engine->CreateFlow(Req("other", def)).ok());
}

TEST_CASE("CreateFlow: malformed text and wrong dialect are clear errors",
          "[flows]") {
  ManualEngine m;
  auto f = m.engine->CreateFlow(Req("y", "Type: StateMachine\nStates: [\n"));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message().rfind(
            "Invalid flow definition: 3:1: invalid YAML:", 0) == 0);
  f = m.engine->CreateFlow(
      Req("j", "{\"Type\": \"StateMachine\", \"Type\": 1}"));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message() ==
        "Invalid flow definition: 1:26: duplicate key \"Type\"");
  f = m.engine->CreateFlow(Req("k", "foo: bar\n"));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message() ==
        "Invalid flow definition: 1:1: not a flow definition: expected 'Type: "
        "StateMachine' "
        "with 'StartAt' and 'States' (CloudFlow), or 'version: v1', 'type: "
        "flow' and 'steps' "
        "(legacy FDL)");
  f = m.engine->CreateFlow(Req("e", ""));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message() == "Definition must not be empty");
}

TEST_CASE("CreateFlow: a definition over the request limit is EntityTooLarge",
          "[flows]") {
  Limits limits;
  limits.request_bytes = 100;
  ManualEngine m(limits);
  auto f = m.engine->CreateFlow(
      Req("big", kPass + "#" + std::string(100, 'x') + "\n"));
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().code() == "EntityTooLarge");
  CHECK(f.status().message() ==
        "The payload size exceeds maximum allowed size (100 bytes).");
}

TEST_CASE("UpdateFlow changes only the given fields", "[flows]") {
  ManualEngine m;
  CreateFlowRequest r = Req("f1");
  r.description = "one";
  REQUIRE(m.engine->CreateFlow(r).ok());
  m.clock.Advance(std::chrono::seconds(5));
  UpdateFlowRequest u;
  u.name = "f1";
  u.description = "two";
  auto f = m.engine->UpdateFlow(u);
  REQUIRE(f.ok());
  CHECK(f->description == "two");
  CHECK(f->definition == kPass);
  CHECK(f->created_time == "2019-01-01T00:00:00.000Z");
  CHECK(f->last_modified_time == "2019-01-01T00:00:05.000Z");
  u.name = "nope";
  CHECK(m.engine->UpdateFlow(u).status().code() == "FlowNotExists");
  u.name = "f1";
  u.definition = "Type: StateMachine\n";
  auto bad = m.engine->UpdateFlow(u);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == "InvalidArgument");
  CHECK(m.engine->DescribeFlow("f1")->definition == kPass);
}

TEST_CASE("DescribeFlow and DeleteFlow of an unknown flow are FlowNotExists",
          "[flows]") {
  ManualEngine m;
  auto d = m.engine->DescribeFlow("ghost");
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().code() == "FlowNotExists");
  CHECK(d.status().http_status() == 404);
  CHECK(d.status().message() == "Flow ghost does not exist.");
  CHECK(m.engine->DeleteFlow("ghost").code() == "FlowNotExists");
}

TEST_CASE(
    "DeleteFlow removes the flow and its executions, the name can be reused",
    "[flows]") {
  ManualEngine m;
  m.Create("f1", kPass);
  Execution e = m.Run("f1", "{}", "e1");
  CHECK(e.status == ExecutionStatus::kSucceeded);
  REQUIRE(m.engine->DeleteFlow("f1").ok());
  CHECK(m.engine->DescribeFlow("f1").status().code() == "FlowNotExists");
  m.Create("f1", kPass);
  ListRequest lr;
  lr.flow_name = "f1";
  auto page = m.engine->ListExecutions(lr);
  REQUIRE(page.ok());
  CHECK(page->items.empty());
  CHECK(m.Run("f1", "{}", "e1").status == ExecutionStatus::kSucceeded);
}

TEST_CASE("DeleteFlow refuses a flow with running executions", "[flows]") {
  ManualEngine m;
  m.Create("f1", kPass);
  StartExecutionRequest s;
  s.flow_name = "f1";
  s.execution_name = "e1";
  REQUIRE(m.engine->StartExecution(s).ok());  // manual mode: not run yet
  Status st = m.engine->DeleteFlow("f1");
  CHECK(st.code() == "InvalidArgument");
  CHECK(st.message() ==
        "Flow f1 has running executions (e1); stop them before deleting the "
        "flow.");
  m.engine->RunReady();
  CHECK(m.engine->DeleteFlow("f1").ok());
}

TEST_CASE("ListFlows pages in name order with next_token", "[flows]") {
  ManualEngine m;
  for (const char* n : {"c", "a", "e", "b", "d"}) m.Create(n, kPass);
  ListRequest r;
  r.limit = 2;
  auto p1 = m.engine->ListFlows(r);
  REQUIRE(p1.ok());
  REQUIRE(p1->items.size() == 2);
  CHECK(p1->items[0].name == "a");
  CHECK(p1->items[1].name == "b");
  CHECK(p1->next_token == "c");
  r.next_token = p1->next_token;
  auto p2 = m.engine->ListFlows(r);
  CHECK(p2->items[0].name == "c");
  CHECK(p2->items[1].name == "d");
  r.next_token = p2->next_token;
  auto p3 = m.engine->ListFlows(r);
  REQUIRE(p3->items.size() == 1);
  CHECK(p3->items[0].name == "e");
  CHECK(p3->next_token.empty());
  r.limit = 1000;
  auto bad = m.engine->ListFlows(r);
  CHECK(bad.status().code() == "InvalidArgument");
  CHECK(bad.status().message() == "Limit 1000 is invalid: it must be 1 to 999");
}

}  // namespace
}  // namespace fnf

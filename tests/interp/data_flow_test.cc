// The new spec's data flow through the engine: constructors, $Context, $Global,
// the per-state order of docs/cloudflow.md and key order (docs/behaviour.md).
#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf {
namespace {

using testing::Flow;
using testing::ManualEngine;

TEST_CASE(
    "InputConstructor replaces the input, OutputConstructor sees it as $Input",
    "[dataflow]") {
  ManualEngine m;
  m.Create("f", Flow("  - Type: Pass\n"
                     "    Name: A\n"
                     "    InputConstructor:\n"
                     "      FieldA: 123\n"
                     "      copy.$: $Input.orig\n"
                     "    OutputConstructor:\n"
                     "      z.$: $Input.FieldA\n"
                     "      a.$: $Output.copy\n"
                     "      hasOrig.$: '\"orig\" in $Input'\n"
                     "    End: true\n"));
  Execution e = m.Run("f", R"({"orig": "o"})", "e1");
  CHECK(e.output == R"({"z":123,"a":"o","hasOrig":false})");
  auto events = m.Events("f", "e1");
  CHECK(events[1].event_detail == R"({"Input":{"orig":"o"}})");  // StateEntered
  CHECK(events[2].event_detail ==
        R"({"Input":{"FieldA":123,"copy":"o"}})");  // StateStarted
  CHECK(events[3].event_detail ==
        R"({"Output":{"z":123,"a":"o","hasOrig":false}})");
}

TEST_CASE("A Pass with only InputConstructor outputs the constructed input",
          "[dataflow]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, InputConstructor: {FieldA: "
                     "123}, End: true}\n"));
  CHECK(m.Run("f", R"({"x":1})").output == R"({"FieldA":123})");
}

TEST_CASE(
    ".$ keys work at any depth, inside maps in lists, literal strings stay "
    "literal",
    "[dataflow]") {
  ManualEngine m;
  m.Create("f", Flow("  - Type: Pass\n"
                     "    Name: A\n"
                     "    OutputConstructor:\n"
                     "      outer:\n"
                     "        inner.$: $Input.v\n"
                     "        list:\n"
                     "          - deep.$: $Input.v + 1\n"
                     "          - plain\n"
                     "      literal: $Input.v\n"
                     "      call: length($Input.s)\n"
                     "    End: true\n"));
  CHECK(m.Run("f", R"({"v": 1, "s": "héllo"})").output ==
        R"j({"outer":{"inner":1,"list":[{"deep":2},"plain"]},)j"
        R"j("literal":"$Input.v","call":"length($Input.s)"})j");
}

TEST_CASE(
    "$Global: written by GlobalConstructor, read later, OutputConstructor sees "
    "the old value",
    "[dataflow]") {
  ManualEngine m;
  m.Create("f", Flow("  - Type: Pass\n"
                     "    Name: A\n"
                     "    GlobalConstructor: {count: 1, keep: k}\n"
                     "    Next: B\n"
                     "  - Type: Pass\n"
                     "    Name: B\n"
                     "    GlobalConstructor:\n"
                     "      count.$: $Global.count + 1\n"
                     "      raw.$: $Output.x\n"
                     "    OutputConstructor:\n"
                     "      before.$: $Global.count\n"
                     "    Next: C\n"
                     "  - Type: Pass\n"
                     "    Name: C\n"
                     "    OutputConstructor:\n"
                     "      global.$: $Global\n"
                     "      prev.$: $Input.before\n"
                     "    End: true\n"));
  CHECK(m.Run("f", R"({"x": 9})").output ==
        R"({"global":{"count":2,"keep":"k","raw":9},"prev":1})");
}

TEST_CASE("$Context has the execution, the current state and the flow",
          "[dataflow]") {
  ManualEngine m;
  CreateFlowRequest r;
  r.name = "ctx";
  r.role_arn = "acs:ram::1:role/fnf";
  r.definition = Flow(
      "  - Type: Pass\n"
      "    Name: First\n"
      "    Next: Second\n"
      "  - Type: Pass\n"
      "    Name: Second\n"
      "    InputConstructor: {made: yes}\n"
      "    OutputConstructor:\n"
      "      exec.$: $Context.Execution.Name\n"
      "      execInput.$: $Context.Execution.Input\n"
      "      role.$: $Context.Execution.RoleArn\n"
      "      state.$: $Context.Current.Name\n"
      "      current.$: $Context.Current.Input\n"
      "      retries.$: $Context.Current.RetryCount\n"
      "      error.$: $Context.Current.Error\n"
      "      flow.$: $Context.Flow.Name\n"
      "    End: true\n",
      "First");
  REQUIRE(m.engine->CreateFlow(r).ok());
  CHECK(
      m.Run("ctx", R"({"in":1})", "run-7").output ==
      R"({"exec":"run-7","execInput":{"in":1},"role":"acs:ram::1:role/fnf","state":"Second",)"
      R"("current":{"made":"yes"},"retries":0,"error":null,"flow":"ctx"})");
}

TEST_CASE(
    "$Output outside OutputConstructor/GlobalConstructor is a definition error",
    "[dataflow]") {
  ManualEngine m;
  auto f = m.engine->CreateFlow(
      {.name = "bad",
       .definition = Flow("  - {Type: Pass, Name: A, InputConstructor: {x.$: "
                          "$Output.y}, End: true}\n")});
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().code() == "InvalidArgument");
  CHECK(f.status().message().find(
            "$Output is only available in OutputConstructor and "
            "GlobalConstructor") != std::string::npos);
}

TEST_CASE(
    "A runtime expression failure raises FnF.ExpressionError quoting the "
    "expression",
    "[dataflow]") {
  ManualEngine m;
  m.Create("f", Flow("  - {Type: Pass, Name: A, OutputConstructor: {x.$: "
                     "$Input.a + 1}, End: true}\n"));
  Execution e = m.Run("f", R"({"a":"s"})");
  CHECK(e.status == ExecutionStatus::kFailed);
  CHECK(e.error_code == "FnF.ExpressionError");
  CHECK(e.error_message.rfind("expression '$Input.a + 1': ", 0) == 0);
}

TEST_CASE("uuid() and randomInt() are reproducible with a seed", "[dataflow]") {
  auto run = [] {
    ManualEngine m;
    m.Create("f", Flow("  - Type: Pass\n    Name: A\n    OutputConstructor:\n"
                       "      id.$: uuid()\n      n.$: randomInt(0, 1000)\n    "
                       "End: true\n"));
    return m.Run("f").output;
  };
  std::string a = run();
  CHECK(a == run());
  CHECK(a.size() > 40);
}

}  // namespace
}  // namespace fnf

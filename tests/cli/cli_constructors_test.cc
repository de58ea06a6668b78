// Constructors and variables through `fnf run` (issue: expressions,
// constructors and built-in functions): the same rules the engine tests check,
// as a user of the tool meets them.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <string>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

std::string OutputOf(const ToolRun& run) {
  rapidjson::Document doc = ParseJson(run.out);
  REQUIRE(doc.IsObject());
  return doc["Output"].GetString();
}

TEST_CASE(
    "fnf run: InputConstructor, OutputConstructor, GlobalConstructor and "
    "$Context",
    "[cli][constructors]") {
  TempDir dir;
  std::string flow =
      dir.Write("ctor.yaml",
                "Type: StateMachine\n"
                "SpecVersion: v1\n"
                "StartAt: Build\n"
                "States:\n"
                "  - Type: Pass\n"
                "    Name: Build\n"
                "    InputConstructor:\n"
                "      who.$: $Input.name\n"
                "      tags: [a, b]\n"
                "    GlobalConstructor:\n"
                "      seen.$: length($Input.tags)\n"
                "    OutputConstructor:\n"
                "      greeting.$: format('hello {}', $Input.who)\n"
                "      nested:\n"
                "        - state.$: $Context.Current.Name\n"
                "      before.$: $Global.seen\n"
                "    Next: Read\n"
                "  - Type: Succeed\n"
                "    Name: Read\n"
                "    OutputConstructor:\n"
                "      greeting.$: $Input.greeting\n"
                "      seen.$: $Global.seen\n"
                "      exec.$: $Context.Execution.Name\n"
                "      md5.$: hash($Input.greeting, 'MD5')\n");
  ToolRun run =
      RunTool({"run", flow, "--name", "r1", "--input", R"({"name":"ada"})"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(OutputOf(run) == R"({"greeting":"hello ada","seen":2,"exec":"r1",)"
                         R"("md5":"dfd4bac47cdec490bf3a747e3471b5b2"})");
}

TEST_CASE("fnf run: a runtime expression error fails with FnF.ExpressionError",
          "[cli][constructors]") {
  TempDir dir;
  std::string flow =
      dir.Write("bad.yaml",
                "Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n"
                "  - Type: Pass\n    Name: A\n"
                "    OutputConstructor: {n.$: 'intAdd($Input.a, 1)'}\n"
                "    End: true\n");
  ToolRun run = RunTool({"run", flow, "--input", R"({"a":"x"})"});
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  rapidjson::Document doc = ParseJson(run.out);
  CHECK(std::string(doc["ErrorCode"].GetString()) == "FnF.ExpressionError");
}

TEST_CASE("fnf validate: an expression syntax error is located",
          "[cli][constructors]") {
  TempDir dir;
  std::string flow =
      dir.Write("syntax.yaml",
                "Type: StateMachine\nSpecVersion: v1\nStartAt: A\nStates:\n"
                "  - Type: Pass\n    Name: A\n"
                "    OutputConstructor: {n.$: 'lenght($Input)'}\n"
                "    End: true\n");
  ToolRun run = RunTool({"validate", flow});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find(flow + ":7:") != std::string::npos);
  CHECK(run.out.find("lenght") != std::string::npos);
}

}  // namespace
}  // namespace fnf::testing

#endif

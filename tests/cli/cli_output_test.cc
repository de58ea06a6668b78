// `fnf run --output text|json` and `--trace` through the real binary: exact
// text under --virtual-time, where every time is the same on every run.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <string>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

TEST_CASE("run --output text: status, duration and the output pretty-printed",
          "[cli][output]") {
  ToolRun run = RunTool({"run", DataFile("retry_task.yaml"), "--mocks",
                         DataFile("retry_mocks.yaml"), "--virtual-time",
                         "--output", "text", "--name", "e1"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "Execution e1 of flow retry_task: Succeeded in 30.000s (virtual "
        "time)\n"
        "Output:\n"
        "  {\n"
        "    \"done\": true,\n"
        "    \"price\": 1.5\n"
        "  }\n");
  CHECK(run.err.empty());
}

TEST_CASE("run --output text: a failed execution shows its error and cause",
          "[cli][output]") {
  ToolRun run = RunTool({"run", DataFile("fail.yaml"), "--virtual-time",
                         "--output=text", "--name", "e2"});
  CHECK(run.exit_code == 1);
  CHECK(run.out ==
        "Execution e2 of flow fail: Failed in 0.000s (virtual time)\n"
        "Error: OrderRejected\n"
        "Cause: the order was rejected\n"
        "State: Reject\n");
}

TEST_CASE("run --output text --history: a table of the events",
          "[cli][output]") {
  ToolRun run = RunTool({"run", DataFile("fail.yaml"), "--virtual-time",
                         "--output", "text", "--name", "e3", "--history"});
  CHECK(run.exit_code == 1);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 13);
  CHECK(lines[3] == "State: Reject");
  CHECK(lines[4] == "History:");
  CHECK(lines[5] == "  1  +0.000s  ExecutionStarted  {\"Input\":{}}");
  CHECK(lines[6] == "  2  +0.000s  StateEntered  Check  {\"Input\":{}}");
  CHECK(lines[12] ==
        "  8  +0.000s  ExecutionFailed  {\"Error\":\"OrderRejected\","
        "\"Cause\":\"the order was rejected\"}");
}

TEST_CASE(
    "run --output json is the API's object, also by default off a "
    "terminal",
    "[cli][output]") {
  ToolRun json = RunTool({"run", DataFile("pass.yaml"), "--name", "e4",
                          "--output", "json", "--virtual-time"});
  ToolRun automatic =
      RunTool({"run", DataFile("pass.yaml"), "--name", "e4", "--virtual-time"});
  REQUIRE(json.exit_code == 0);
  REQUIRE(automatic.exit_code == 0);
  rapidjson::Document doc = ParseJson(json.out);
  REQUIRE(doc.IsObject());
  CHECK(std::string(doc["Status"].GetString()) == "Succeeded");
  // Same object both ways (the time stamps aside).
  rapidjson::Document other = ParseJson(automatic.out);
  REQUIRE(other.IsObject());
  for (const char* field : {"Name", "FlowName", "Status", "Input", "Output",
                            "ErrorCode", "ErrorMessage"}) {
    CHECK(std::string(doc[field].GetString()) ==
          std::string(other[field].GetString()));
  }
}

TEST_CASE("run --output: a bad format is an argument error", "[cli][output]") {
  ToolRun run = RunTool({"run", DataFile("pass.yaml"), "--output", "yaml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err ==
        "fnf run: --output: yaml not in {auto,json,text}\n"
        "Run 'fnf help run' for its options.\n");
}

TEST_CASE("run --trace: each state entered and left, with virtual times",
          "[cli][output][trace]") {
  ToolRun run = RunTool({"run", DataFile("retry_task.yaml"), "--mocks",
                         DataFile("retry_mocks.yaml"), "--virtual-time",
                         "--trace", "--name", "e1"});
  CHECK(run.exit_code == 0);
  CHECK(run.err ==
        "+0.000s execution started\n"
        "+0.000s Work: entered\n"
        "+0.000s Work: failed: MyError: once\n"
        "+10.000s Work: failed: MyError: twice\n"
        "+30.000s Work: succeeded\n"
        "+30.000s execution Succeeded\n");
  // stdout is untouched: still the JSON object.
  CHECK(ParseJson(run.out).IsObject());
}

TEST_CASE("run --trace: Parallel branches indented, a Map in batches",
          "[cli][output][trace]") {
  ToolRun run = RunTool({"run", DataFile("graph/every_state.yaml"),
                         "--virtual-time", "--trace", "--input",
                         R"({"amount": 5, "items": [1, 2, 3, 4, 5, 6]})"});
  CHECK(run.exit_code == 0);
  CHECK(run.err ==
        "+0.000s execution started\n"
        "+0.000s Prepare: entered\n"
        "+0.000s Prepare: succeeded\n"
        "+0.000s Route: entered\n"
        "+0.000s Route: succeeded\n"
        "+0.000s Pause: entered\n"
        "+5.000s Pause: succeeded\n"
        "+5.000s Each: entered\n"
        "+5.000s   Each: 4 iterations done, 2 running\n"
        "+5.000s   Each: 6 iterations done, 0 running\n"
        "+5.000s Each: succeeded\n"
        "+5.000s Both: entered\n"
        "+5.000s   Left: entered\n"
        "+5.000s   Left: succeeded\n"
        "+5.000s   Right: entered\n"
        "+5.000s   Right: succeeded\n"
        "+5.000s Both: succeeded\n"
        "+5.000s Done: entered\n"
        "+5.000s Done: succeeded\n"
        "+5.000s execution Succeeded\n");
}

TEST_CASE("run --trace: a flow failing names the state and the error",
          "[cli][output][trace]") {
  ToolRun run = RunTool({"run", DataFile("fail.yaml"), "--trace"});
  CHECK(run.exit_code == 1);
  std::vector<std::string> lines = Lines(run.err);
  REQUIRE(lines.size() == 6);
  CHECK(lines[4].find(" Reject: failed: OrderRejected: the order was "
                      "rejected") != std::string::npos);
  CHECK(lines[5].find(" execution Failed: OrderRejected") != std::string::npos);
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

// Diagnostics as a user meets them through the real binary: "did you mean" in
// both dialects, the source line with a caret, warnings about task options
// that name nothing, and the state a failed execution failed in.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <string>
#include <vector>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

TEST_CASE("validate suggests the state, type, option and field meant",
          "[cli][diagnostics]") {
  std::string file = DataFile("typos.yaml");
  ToolRun run = RunTool({"validate", file});
  CHECK(run.exit_code == 2);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == file +
                        ":8:11: States[0].Next: state 'Chek' does not exist "
                        "in the top-level States (did you mean 'Check'?)");
  CHECK(lines[2] == file +
                        ":9:11: States[1].Type: unknown state type 'Wiat' "
                        "(expected Pass, Task, Wait, Choice, Parallel, Map, "
                        "Succeed or Fail) (did you mean 'Wait'?)");
  CHECK(lines[4] == file +
                        ":16:15: States[2].TaskMode: unknown TaskMode "
                        "'RequestCompleet' (expected RequestComplete, "
                        "WaitForSystemCallback or WaitForCustomCallback) (did "
                        "you mean 'RequestComplete'?)");
  CHECK(lines[5] == file +
                        ":21:21: States[2].Retry[0].BackofRate: unknown field "
                        "'BackofRate' (did you mean 'BackoffRate'?)");
}

TEST_CASE("validate suggests the legacy step type and pattern meant",
          "[cli][diagnostics][legacy]") {
  std::string file = DataFile("typos_legacy.yaml");
  ToolRun run = RunTool({"validate", file});
  CHECK(run.exit_code == 2);
  CHECK(Lines(run.out) ==
        std::vector<std::string>{
            file + ":5:11: steps[0].type: unknown step type 'tsak' (expected "
                   "task, pass, wait, choice, parallel, foreach, succeed or "
                   "fail) (did you mean 'task'?)",
            file + ":11:14: steps[1].pattern: unknown pattern 'sinc' "
                   "(expected requestResponse, sync or waitForCallback) (did "
                   "you mean 'sync'?)"});
}

TEST_CASE("validate --show-source: the line and a caret under the column",
          "[cli][diagnostics]") {
  std::string file = DataFile("typos.yaml");
  ToolRun run = RunTool({"validate", "--show-source", file});
  CHECK(run.exit_code == 2);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 18);
  CHECK(lines[0].rfind(file + ":8:11: States[0].Next:", 0) == 0);
  CHECK(lines[1] == "  8 |     Next: Chek");
  CHECK(lines[2] == "    |           ^");
  CHECK(lines[15].rfind(file + ":21:21: ", 0) == 0);
  CHECK(lines[16] == "  21 |         BackofRate: 2");
  // The problem is the field's value: the caret points at it.
  CHECK(lines[17] == "     |                     ^");
}

TEST_CASE("run warns about --mocks and --task keys that name no task state",
          "[cli][diagnostics]") {
  TempDir dir;
  std::string mocks = dir.Write("mocks.yaml", "# answers\nWrok: {a: 1}\n");
  ToolRun run = RunTool({"run", DataFile("task.yaml"), "--mocks", mocks,
                         "--task", "Wokr=cat", "--virtual-time", "--output",
                         "text", "--name", "e1"});
  CHECK(run.exit_code == 1);
  CHECK(run.err ==
        "fnf: warning: --task Wokr: no task state, resource ARN or action of "
        "the flow is called so (did you mean 'Work'?)\n"
        "fnf: warning: " +
            mocks +
            ":2:7: 'Wrok' is not a task state of the flow, so its answers are "
            "never used (did you mean 'Work'?)\n"
            "fnf: hint: answer task state 'Work' with --task Work=COMMAND, "
            "--task "
            "Work=- (from the terminal) or --mocks FILE\n");
  CHECK(run.out ==
        "Execution e1 of flow task: Failed in 0.000s (virtual time)\n"
        "Error: FnF.TaskFailed\n"
        "Cause: no task handler is registered for state 'Work', resource '' "
        "or action 'HTTP:Request'\n"
        "State: Work\n");
}

TEST_CASE("run --output text names the state an expression error failed in",
          "[cli][diagnostics]") {
  ToolRun run = RunTool({"run", DataFile("graph/every_state.yaml"),
                         "--virtual-time", "--output", "text", "--name", "e1",
                         "--input", R"({"amount": 1})"});
  CHECK(run.exit_code == 1);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "Error: FnF.ExpressionError");
  CHECK(lines[3] == "State: Each");
}

TEST_CASE("legacy fields that look like typos are warnings, not problems",
          "[cli][diagnostics][legacy]") {
  std::string file = DataFile("legacy_typo.yaml");
  ToolRun validate = RunTool({"validate", file});
  CHECK(validate.exit_code == 0);
  CHECK(Lines(validate.out) ==
        std::vector<std::string>{
            file + ":8:7: warning: steps[0].inputMapings: unknown field "
                   "'inputMapings' is ignored (did you mean 'inputMappings'?)",
            file + ":17:28: warning: steps[1].branches[0].steps[0]."
                   "outputMapping: unknown field 'outputMapping' is ignored "
                   "(did you mean 'outputMappings'?)"});
  ToolRun run = RunTool({"run", file});
  CHECK(run.exit_code == 0);
  CHECK(Lines(run.err) ==
        std::vector<std::string>{
            "fnf: warning: " + file +
                ":8:7: steps[0].inputMapings: unknown field 'inputMapings' is "
                "ignored (did you mean 'inputMappings'?)",
            "fnf: warning: " + file +
                ":17:28: steps[1].branches[0].steps[0].outputMapping: unknown "
                "field 'outputMapping' is ignored (did you mean "
                "'outputMappings'?)"});
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

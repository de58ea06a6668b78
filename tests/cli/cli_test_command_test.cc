// `fnf test` through the real binary: passing and failing scenarios, mocks
// that fail, never answer (a timeout fires) or answer late, one line per
// scenario and the exit status CI needs.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <string>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

std::string Scenarios(const std::string& name) {
  return DataFile("scenarios/" + name);
}

TEST_CASE("fnf test: every scenario passes, one line each, exit 0",
          "[cli][test]") {
  std::string file = Scenarios("approval.test.yaml");
  ToolRun run = RunTool({"test", file});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out ==
        "ok    " + file + ": a small purchase is charged at once\n" + "ok    " +
            file + ": throttled twice, then charged\n" + "ok    " + file +
            ": a large purchase approved after 30 minutes\n" + "ok    " + file +
            ": nobody approves, the timeout fires\n" + "ok    " + file +
            ": an approval later than the timeout changes nothing\n" +
            "ok    " + file + ": the card is declined\n" +
            "6 scenarios: 6 passed, 0 failed\n");
}

TEST_CASE("fnf test: failing scenarios say why, exit 1", "[cli][test]") {
  std::string file = Scenarios("failing.test.yaml");
  ToolRun run = RunTool({"test", file, Scenarios("approval.test.yaml")});
  CHECK(run.exit_code == 1);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 10);
  CHECK(lines[0] == "FAIL  " + file +
                        ":4: wrong status: Status: expected Succeeded, got "
                        "Failed (Declined: card declined)");
  CHECK(lines[1] == "FAIL  " + file +
                        ":9: wrong output: Output: expected "
                        "{\"Body\":{\"id\":2}}, got {\"id\":1}");
  CHECK(lines[2] == "ok    " + file + ": right");
  CHECK(lines[9] == "9 scenarios: 7 passed, 2 failed");
}

TEST_CASE("fnf test: a mock for no task state and a misspelt field, exit 2",
          "[cli][test]") {
  ToolRun run = RunTool({"test", Scenarios("bad_mock_key.test.yaml"),
                         Scenarios("bad_field.test.yaml")});
  CHECK(run.exit_code == 2);
  CHECK(run.err == Scenarios("bad_mock_key.test.yaml") +
                       ":3: scenario 'misspelt state': Mocks: 'Chrage' is not "
                       "a task state of the flow (did you mean 'Charge'?)\n" +
                       Scenarios("bad_field.test.yaml") +
                       ":4:13: Scenarios[0]: unknown field 'Expcet' (did you "
                       "mean 'Expect'?)\n");
  CHECK(run.out == "0 scenarios: 0 passed, 0 failed\n");
}

TEST_CASE("fnf test: bad files and arguments, exit 2", "[cli][test]") {
  TempDir dir;
  struct Case {
    std::string contents, err;
  };
  const Case kCases[] = {
      {"Scenarios: []\n", ":1:1: missing Flow: the flow file to test\n"},
      {"Flow: nowhere.yaml\nScenarios: [{Name: a}]\n",
       ":1:7: Flow: cannot read '" + dir.path() +
           "/nowhere.yaml': No such file or directory\n"},
      {"Flow: " + Scenarios("approval.yaml") + "\nScenarios: []\n",
       ":2:12: Scenarios: expected a list of scenarios\n"},
      {"Flow: " + Scenarios("approval.yaml") +
           "\nScenarios:\n  - Name: x\n    Expect: {Status: Succeded}\n",
       ":4:22: Scenarios[0].Expect.Status: unknown status 'Succeded': "
       "Succeeded, Failed, TimedOut or Stopped (did you mean 'Succeeded'?)\n"},
      {"Flow: " + Scenarios("approval.yaml") +
           "\nScenarios:\n  - Name: x\n    Mocks: {Charge: {After: -1, "
           "Output: {}}}\n",
       ":4:29: Scenarios[0].Mocks.Charge.After: expected the seconds to "
       "wait, a number >= 0\n"},
  };
  for (const Case& c : kCases) {
    std::string file = dir.Write("s.yaml", c.contents);
    ToolRun run = RunTool({"test", file});
    INFO(c.contents);
    CHECK(run.exit_code == 2);
    CHECK(run.err == file + c.err);
  }
  ToolRun none = RunTool({"test"});
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "fnf test: missing SCENARIO_FILE\nRun 'fnf help test' for its "
        "options.\n");
  ToolRun missing = RunTool({"test", dir.path() + "/none.yaml"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == dir.path() +
                           "/none.yaml: cannot read: No such file or "
                           "directory\n");
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

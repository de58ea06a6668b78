// `fnf run --task` commands run as processes of their own while the engine
// goes on, so a Map's MaxConcurrency decides how many run at once (with real
// and with virtual time); `--task KEY=-` asks the terminal.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <algorithm>
#include <string>
#include <vector>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

// Items 1-4 meet at a barrier: each waits (at most 20 s) until all four have
// started, then records how many it saw. Every command logs its start and end,
// so the log bounds how many ran at once.
std::string BarrierCommand(const TempDir& dir) {
  const std::string& d = dir.path();
  std::string script =
      "item=$(grep -o '\"Input\":[0-9]*' | cut -d: -f2)\n"
      "echo start >> " +
      d +
      "/log\n"
      "if [ \"$item\" -le 4 ]; then\n"
      "  touch " +
      d +
      "/barrier/$item\n"
      "  i=0\n"
      "  while [ $(ls " +
      d +
      "/barrier | wc -l) -lt 4 ] && [ $i -lt 400 ]; do\n"
      "    sleep 0.05; i=$((i+1))\n"
      "  done\n"
      "  ls " +
      d + "/barrier | wc -l >> " + d +
      "/seen\n"
      "fi\n"
      "echo end >> " +
      d +
      "/log\n"
      "echo \"{\\\"item\\\": $item}\"\n";
  return "sh " + dir.Write("work.sh", script);
}

// The most commands the log shows running at once.
int MostAtOnce(const std::string& log) {
  int running = 0, most = 0;
  for (const std::string& line : Lines(log)) {
    running += line == "start" ? 1 : -1;
    most = std::max(most, running);
  }
  return most;
}

void CheckFourAtOnce(bool virtual_time) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() + "/barrier");
  std::vector<std::string> args = {
      "run",     DataFile("map_concurrency.yaml"),
      "--input", R"({"items": [1, 2, 3, 4, 5, 6, 7, 8]})",
      "--task",  "Work=" + BarrierCommand(dir)};
  if (virtual_time) args.push_back("--virtual-time");
  ToolRun run = RunTool(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(JsonEquals(ParseJson(run.out)["Output"].GetString(),
                   R"({"Items": [{"item": 1}, {"item": 2}, {"item": 3},
                       {"item": 4}, {"item": 5}, {"item": 6}, {"item": 7},
                       {"item": 8}]})"));
  // Each of the first four saw all four running.
  CHECK(dir.Read("seen") == "4\n4\n4\n4\n");
  CHECK(MostAtOnce(dir.Read("log")) == 4);
}

TEST_CASE("fnf run --task: a Map with MaxConcurrency 4 runs 4 commands at once",
          "[cli][task][async]") {
  CheckFourAtOnce(/*virtual_time=*/false);
}

TEST_CASE(
    "fnf run --task --virtual-time: 4 commands at once, the clock waits for "
    "them",
    "[cli][task][async]") {
  CheckFourAtOnce(/*virtual_time=*/true);
}

TEST_CASE(
    "fnf run --task: commands still running when the execution ends are "
    "stopped, with what they started",
    "[cli][task][async]") {
  TempDir dir;
  // Unless it is stopped, the command leaves a mark after 30 s (and the run
  // lasts that long).
  std::string marker = dir.path() + "/finished";
  ToolRun run = RunTool({"run", DataFile("parallel_fail_fast.yaml"), "--task",
                         "Slow=sleep 30; touch " + marker + "; echo {}"});
  CHECK(run.exit_code == 1);
  CHECK(ParseJson(run.out)["ErrorCode"] == "Boom");
  CHECK_FALSE(std::filesystem::exists(marker));
}

TEST_CASE("fnf run --task KEY=-: the terminal answers with the task's output",
          "[cli][task][terminal]") {
  ToolRun run = RunTool(
      {"run", DataFile("approve.yaml"), "--task", "Approve=-", "--virtual-time",
       "--output", "text", "--name", "e1", "--input", R"({"amount": 7})"},
      "not json\n{\"approved\": true}\n");
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "Execution e1 of flow approve: Succeeded in 0.000s (virtual time)\n"
        "Output:\n"
        "  {\n"
        "    \"approved\": true\n"
        "  }\n");
  std::vector<std::string> lines = Lines(run.err);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] ==
        "fnf: task Approve (WaitForCustomCallback) waits for an "
        "answer");
  CHECK(lines[1].rfind("  TaskToken:  ", 0) == 0);
  CHECK(lines[1].size() > 20);
  CHECK(lines[2] == "  Input:      {\"amount\":7}");
  CHECK(lines[3] ==
        "  Parameters: "
        "{\"resourceArn\":\"acs:fc:::services/s/functions/"
        "approve\"}");
  CHECK(lines[4] ==
        "Type its output as one line of JSON (e.g. "
        "{\"approved\": true}), or 'fail ERROR [CAUSE]':");
  CHECK(lines[5] == "fnf: not a JSON object: Invalid value.; try again:");
}

TEST_CASE("fnf run --task KEY=-: 'fail ERROR CAUSE' fails the task",
          "[cli][task][terminal]") {
  ToolRun run = RunTool({"run", DataFile("approve.yaml"), "--task", "Approve=-",
                         "--output", "text", "--name", "e1"},
                        "fail Rejected too expensive\n");
  CHECK(run.exit_code == 1);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "Error: Rejected");
  CHECK(lines[2] == "Cause: too expensive");
  CHECK(lines[3] == "State: Approve");
}

TEST_CASE("fnf run --task KEY=-: no answer at the end of input fails the task",
          "[cli][task][terminal]") {
  ToolRun run = RunTool({"run", DataFile("approve.yaml"), "--task", "Approve=-",
                         "--virtual-time", "--output", "text", "--name", "e1"});
  CHECK(run.exit_code == 1);
  CHECK(Lines(run.out) ==
        std::vector<std::string>{
            "Execution e1 of flow approve: Failed in 0.000s (virtual time)",
            "Error: FnF.TaskFailed",
            "Cause: no answer for task Approve: standard input ended",
            "State: Approve"});
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

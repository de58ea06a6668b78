// The tool's command table through the real binary: help for each command,
// "did you mean", bash completion, and exit status 2 for every bad argument.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "fnf/version.h"

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

TEST_CASE("fnf help COMMAND prints that command's help", "[cli][commands]") {
  for (const char* command :
       {"run", "validate", "graph", "help", "completion"}) {
    INFO(command);
    ToolRun help = RunTool({"help", command});
    ToolRun flag = RunTool({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.err.empty());
    CHECK(help.out.find(std::string("Usage: fnf ") + command) !=
          std::string::npos);
    CHECK(help.out == flag.out);
  }
  ToolRun all = RunTool({"help"});
  CHECK(all.exit_code == 0);
  CHECK(all.out.find("\n  graph ") != std::string::npos);
}

TEST_CASE("fnf --version and fnf version print 'fnf VERSION'",
          "[cli][commands]") {
  const std::string expected = std::string("fnf ") + FNF_VERSION_STRING + "\n";
  for (const char* form : {"--version", "-v", "version"}) {
    ToolRun run = RunTool({form});
    CHECK(run.exit_code == 0);
    CHECK(run.out == expected);
    CHECK(run.err.empty());
  }
}

TEST_CASE("bad arguments to each command: a clear message and exit 2",
          "[cli][commands]") {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case kCases[] = {
      {{"help", "rnu"},
       "fnf help: unknown command 'rnu' (did you mean 'run'?)\n"
       "Run 'fnf help help' for its options.\n"},
      {{"help", "run", "validate"},
       "fnf help: one COMMAND only, got also 'validate'\n"
       "Run 'fnf help help' for its options.\n"},
      {{"completion"},
       "fnf completion: missing SHELL\n"
       "Run 'fnf help completion' for its options.\n"},
      {{"completion", "zsh"},
       "fnf completion: SHELL: zsh not in {bash}\n"
       "Run 'fnf help completion' for its options.\n"},
      {{"graph"},
       "fnf graph: missing FLOW_FILE\nRun 'fnf help graph' for its options.\n"},
      {{"graph", DataFile("pass.yaml"), "--format", "png"},
       "fnf graph: --format: png not in {mermaid,dot}\n"
       "Run 'fnf help graph' for its options.\n"},
      {{"graph", DataFile("pass.yaml"), "--fromat", "dot"},
       "fnf graph: unknown option --fromat (did you mean '--format'?)\n"
       "Run 'fnf help graph' for its options.\n"},
      {{"graph", DataFile("pass.yaml"), "--history"},
       "fnf graph: --history needs a value\n"
       "Run 'fnf help graph' for its options.\n"},
      {{"run", DataFile("pass.yaml"), "--virtual-tim"},
       "fnf run: unknown option --virtual-tim (did you mean "
       "'--virtual-time'?)\nRun 'fnf help run' for its options.\n"},
      {{"run", DataFile("pass.yaml"), "--trace=yes"},
       "fnf run: --trace takes no value\nRun 'fnf help run' for its "
       "options.\n"},
      {{"--verison"},
       "fnf: unknown option '--verison' (did you mean '--version'?)\n"
       "Run 'fnf --help' for the commands.\n"},
      {{"version", "--short"},
       "fnf version: unknown option --short\n"
       "Run 'fnf help version' for its options.\n"},
      {{"version", "extra"},
       "fnf version: The following argument was not expected: extra\n"
       "Run 'fnf help version' for its options.\n"},
  };
  for (const Case& c : kCases) {
    INFO(c.args[0]);
    ToolRun run = RunTool(c.args);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == c.err);
  }
}

// Runs bash's completion function for the words of `line` (the last one being
// completed) and returns what it offers, one per line.
std::vector<std::string> Complete(const std::string& script,
                                  const std::string& words) {
  TempDir dir;
  std::string file = dir.Write("completion.bash", script);
  std::string driver = "source " + file + "\nCOMP_WORDS=(" + words +
                       ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                       "[[ \"" +
                       words +
                       "\" == *' ' ]] && COMP_WORDS+=('') "
                       "&& COMP_CWORD=$((COMP_CWORD + 1))\n"
                       "_fnf\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
  std::string result_file = dir.path() + "/out";
  std::string command = "bash " + dir.Write("driver.bash", driver) + " > " +
                        result_file + " 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  std::vector<std::string> lines = Lines(dir.Read("out"));
  lines.erase(std::remove(lines.begin(), lines.end(), ""), lines.end());
  return lines;
}

TEST_CASE("fnf completion bash completes commands, options and values",
          "[cli][commands][completion]") {
  ToolRun run = RunTool({"completion", "bash"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.rfind("# bash completion for fnf", 0) == 0);
  CHECK(run.out.find("complete -o filenames -F _fnf fnf\n") !=
        std::string::npos);
  CHECK(Complete(run.out, "fnf gr") == std::vector<std::string>{"graph"});
  CHECK(Complete(run.out, "fnf run --vi") ==
        std::vector<std::string>{"--virtual-time"});
  CHECK(Complete(run.out, "fnf run f.yaml --output ") ==
        std::vector<std::string>{"auto", "json", "text"});
  CHECK(Complete(run.out, "fnf graph f.yaml --format d") ==
        std::vector<std::string>{"dot"});
  CHECK(Complete(run.out, "fnf help va") ==
        std::vector<std::string>{"validate"});
  CHECK(Complete(run.out, "fnf completion ") ==
        std::vector<std::string>{"bash"});
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

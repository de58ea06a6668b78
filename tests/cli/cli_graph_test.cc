// `fnf graph` through the real binary: a flow of every state type (and a legacy
// flow of every step type) in both formats, rendered by Graphviz, and marked
// with where a run went.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream in(DataFile(name), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool HaveDot() { return std::system("command -v dot > /dev/null 2>&1") == 0; }

TEST_CASE("fnf graph draws every state type in both formats", "[cli][graph]") {
  // The expected diagrams are files beside the flows, so that they can be
  // looked at (and rendered) as they are.
  for (const char* flow : {"graph/every_state", "graph/every_step"}) {
    INFO(flow);
    std::string file = DataFile(std::string(flow) + ".yaml");
    ToolRun mermaid = RunTool({"graph", file});
    CHECK(mermaid.exit_code == 0);
    CHECK(mermaid.err.empty());
    CHECK(mermaid.out == ReadData(std::string(flow) + ".mmd"));
    ToolRun mermaid_flag = RunTool({"graph", file, "--format", "mermaid"});
    CHECK(mermaid_flag.out == mermaid.out);
    ToolRun dot = RunTool({"graph", "--format=dot", file});
    CHECK(dot.exit_code == 0);
    CHECK(dot.out == ReadData(std::string(flow) + ".dot"));
  }
}

TEST_CASE("fnf graph --format dot renders with Graphviz without a warning",
          "[cli][graph]") {
  // Graphviz is a test dependency (scripts/install-deps.sh --test).
  REQUIRE(HaveDot());
  TempDir dir;
  for (const char* flow : {"graph/every_state", "graph/every_step"}) {
    INFO(flow);
    ToolRun dot = RunTool(
        {"graph", DataFile(std::string(flow) + ".yaml"), "--format", "dot"});
    REQUIRE(dot.exit_code == 0);
    std::string in = dir.Write("flow.dot", dot.out);
    std::string command = "dot -Tsvg " + in + " -o " + dir.path() +
                          "/flow.svg 2> " + dir.path() + "/dot.err";
    CHECK(std::system(command.c_str()) == 0);
    CHECK(dir.Read("dot.err").empty());
    CHECK(dir.Read("flow.svg").find("<svg") != std::string::npos);
  }
}

TEST_CASE("fnf graph --history marks the visited states and the failed ones",
          "[cli][graph]") {
  TempDir dir;
  std::string flow = DataFile("graph/every_state.yaml");
  std::string mocks = dir.Write(
      "mocks.yaml", "Review: [{Error: FnF.Timeout, Cause: nobody answered}]\n");
  ToolRun run = RunTool({"run", flow, "--history", "--virtual-time", "--mocks",
                         mocks, "--input", R"({"amount": 500})"});
  REQUIRE(run.exit_code == 1);
  std::string history = dir.Write("run.json", run.out);

  ToolRun mermaid = RunTool({"graph", flow, "--history", history});
  CHECK(mermaid.exit_code == 0);
  // Prepare and Route ran; Review failed and was caught to Rejected, which
  // failed the execution; the Wait, Map and Parallel never ran.
  std::vector<std::string> lines = Lines(mermaid.out);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[lines.size() - 2] == "  class n0,n1 visited");
  CHECK(lines.back() == "  class n2,n7 failed");

  ToolRun dot =
      RunTool({"graph", flow, "--history", history, "--format", "dot"});
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.find("n1 [shape=diamond, style=\"filled\", "
                     "label=\"Route\\nChoice\", fillcolor=\"#d4edda\", "
                     "color=\"#28a745\"];") != std::string::npos);
  CHECK(
      dot.out.find("n7 [shape=box, style=\"rounded,bold,filled\", "
                   "label=\"Rejected\\nFail Rejected\", fillcolor=\"#f8d7da\", "
                   "color=\"#dc3545\"];") != std::string::npos);
  CHECK(dot.out.find("n3 [shape=box, style=\"rounded\", label=\"Pause\\nWait "
                     "5 s\"];") != std::string::npos);
}

TEST_CASE("fnf graph: bad input gets a clear message and exit 2",
          "[cli][graph]") {
  TempDir dir;
  SECTION("an invalid flow: every problem, located") {
    ToolRun run = RunTool({"graph", DataFile("invalid.yaml")});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.rfind(
              "fnf: InvalidArgument: " + DataFile("invalid.yaml") + ":", 0) ==
          0);
  }
  SECTION("a missing file") {
    ToolRun run = RunTool({"graph", dir.path() + "/none.yaml"});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "fnf graph: cannot read flow file '" + dir.path() +
                         "/none.yaml': No such file or directory\n");
  }
  SECTION("a history that is not fnf run --history output") {
    std::string not_json = dir.Write("bad.json", "{\"Events\": [");
    ToolRun run =
        RunTool({"graph", DataFile("pass.yaml"), "--history", not_json});
    CHECK(run.exit_code == 2);
    CHECK(run.err.rfind("fnf graph: " + not_json + ": 1:", 0) == 0);
    std::string no_events = dir.Write("plain.json", "{\"Status\": \"Failed\"}");
    run = RunTool({"graph", DataFile("pass.yaml"), "--history", no_events});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "fnf graph: " + no_events +
                         ": no \"Events\" array: give it the output of 'fnf "
                         "run --history --output json'\n");
  }
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

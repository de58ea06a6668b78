// The tool under hostile input: exit status 2 and the exact error, never a
// crash (issue: bad input and runaway work).
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <string>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"
#include "tests/testing/hostile_input.h"

namespace fnf::testing {
namespace {

TEST_CASE("tool: one-byte definitions exit 2 with the located error",
          "[cli][limits]") {
  TempDir dir;
  const std::string comma = dir.Write("comma.yaml", ",");
  const std::string list = dir.Write("list.yaml", "- a\n,");
  ToolRun v = RunTool({"validate", comma, list});
  CHECK(v.exit_code == 2);
  CHECK(v.out == comma + ":1:1: invalid YAML: unexpected ','\n" + list +
                     ":2:1: invalid YAML: unexpected ','\n");
  ToolRun r = RunTool({"run", comma});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "fnf: InvalidArgument: " + comma +
                     ":1:1: invalid YAML: unexpected ','\n");
  ToolRun mocks = RunTool({"run", DataFile("task.yaml"), "--mocks", comma});
  CHECK(mocks.exit_code == 2);
  CHECK(mocks.err == "fnf: InvalidArgument: " + comma +
                         ": Invalid mock file: 1:1: invalid YAML: unexpected "
                         "','\n");
}

TEST_CASE("tool: the alias bomb exits 2", "[cli][limits]") {
  TempDir dir;
  const std::string bomb = dir.Write("bomb.yaml", AliasBomb());
  ToolRun r = RunTool({"run", bomb});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "fnf: InvalidArgument: " + bomb +
            ":5:4: anchors and aliases copy more than 100000 values\n");
}

TEST_CASE("tool: deep input exits 2 pointing at the level too many",
          "[cli][limits]") {
  const std::string deep = DeepObject(30000);
  ToolRun r =
      RunTool({"run", DataFile("pass.yaml"), "--input-file", "-"}, deep);
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "fnf: InvalidArgument: -:1:2561: the input must be a JSON object: "
        "nested more than 512 levels\n");
}

TEST_CASE("tool: numbers come back exactly", "[cli][limits]") {
  ToolRun r = RunTool(
      {"run", DataFile("pass.yaml"), "--input", R"({"a":0e302,"b":0e-38})"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(R"("Output": "{\"a\":0.0,\"b\":0.0}")") !=
        std::string::npos);
}

TEST_CASE("tool: an oversized definition is EntityTooLarge, as in the library",
          "[cli][limits]") {
  TempDir dir;
  const std::string big =
      dir.Write("big.yaml", "# " + std::string(1024 * 1024, 'x') + "\n");
  ToolRun r = RunTool({"run", big});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "fnf: EntityTooLarge: " + big +
                     ": The payload size exceeds maximum allowed size (1048576 "
                     "bytes).\n");
}

}  // namespace
}  // namespace fnf::testing

#endif

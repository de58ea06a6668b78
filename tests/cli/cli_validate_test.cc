// `fnf validate`: every problem of every file, FILE:LINE:COL: message, exit 0
// only when clean.
#if defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "tests/cli/tool_runner.h"
#include "tests/testing/catch.h"

namespace fnf::testing {
namespace {

TEST_CASE("validate exits 0 and prints nothing when every file is valid",
          "[cli]") {
  ToolRun run =
      RunTool({"validate", DataFile("pass.yaml"), DataFile("pass.json"),
               DataFile("fail.yaml"), DataFile("named.yaml")});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err.empty());
}

TEST_CASE(
    "validate prints every problem of every file as FILE:LINE:COL: message",
    "[cli]") {
  std::string invalid = DataFile("invalid.yaml");
  std::string missing = DataFile("missing.yaml");
  ToolRun run =
      RunTool({"validate", DataFile("pass.yaml"), invalid, missing, invalid});
  CHECK(run.exit_code == 2);
  std::vector<std::string> lines = Lines(run.out);
  std::vector<std::string> invalid_lines;
  for (const std::string& line : lines) {
    if (line.rfind(invalid + ":", 0) == 0) invalid_lines.push_back(line);
  }
  // Both mentions of the invalid file report all of its problems, the same way.
  REQUIRE(invalid_lines.size() >= 4);
  REQUIRE(invalid_lines.size() % 2 == 0);
  const std::regex line_column(R"(\d+:\d+: .+)");
  for (const std::string& line : invalid_lines) {
    INFO(line);
    CHECK(std::regex_match(line.substr(invalid.size() + 1), line_column));
  }
  CHECK(invalid_lines.size() + 1 == lines.size());
  CHECK(std::find(lines.begin(), lines.end(),
                  missing + ": cannot read: No such file or directory") !=
        lines.end());
  // Nothing is said about the valid file.
  for (const std::string& line : lines)
    CHECK(line.find("pass.yaml") == std::string::npos);
}

TEST_CASE("validate finds the bad Next with its location", "[cli]") {
  std::string invalid = DataFile("invalid.yaml");
  ToolRun run = RunTool({"validate", invalid});
  CHECK(run.exit_code == 2);
  bool found = false;
  for (const std::string& line : Lines(run.out)) {
    found = found || (line.rfind(invalid + ":9:", 0) == 0 &&
                      line.find("Nowhere") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("validate with no file is a usage error", "[cli]") {
  ToolRun run = RunTool({"validate"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("missing FLOW_FILE") != std::string::npos);
  CHECK(run.err.find("Run 'fnf help validate' for its options.") !=
        std::string::npos);
  ToolRun bad_option = RunTool({"validate", "--strict", DataFile("pass.yaml")});
  CHECK(bad_option.exit_code == 2);
  CHECK(bad_option.err.find("unknown option --strict") != std::string::npos);
}

}  // namespace
}  // namespace fnf::testing

#endif  // defined(FNF_TOOL_PATH) && defined(FNF_SOURCE_DIR)

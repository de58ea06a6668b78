// Every scope of a compiled flow has its own path, and FindScope finds it
// again: frames are written out by their scope's path (runtime/frame.h).
#include <set>

#include "definition/compiler.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

TEST_CASE("Scope paths are unique and FindScope resolves each of them",
          "[definition]") {
  const Limits limits;
  CompileResult r = CompileDefinition(
      "Type: StateMachine\nSpecVersion: v1\nStartAt: P\nStates:\n"
      "  - Type: Parallel\n    Name: P\n    Next: M\n    Branches:\n"
      "      - StartAt: A\n        States:\n"
      "          - {Type: Pass, Name: A, End: true}\n"
      "      - StartAt: B\n        States:\n"
      "          - {Type: Pass, Name: B, End: true}\n"
      "  - Type: Map\n    Name: M\n    End: true\n    ItemsPath: $Input.xs\n"
      "    Processor:\n      StartAt: C\n      States:\n"
      "        - {Type: Pass, Name: C, End: true}\n",
      {&limits, false});
  INFO(r.diagnostics.size());
  REQUIRE(r.flow);
  std::vector<std::string> paths;
  ForEachScope(r.flow->top, [&](const Scope& s) {
    paths.push_back(s.path);
    CHECK(FindScope(*r.flow, s.path) == &s);
  });
  CHECK(paths == std::vector<std::string>{"", "States[0].Branches[0]",
                                          "States[0].Branches[1]",
                                          "States[1].Processor"});
  CHECK(FindScope(*r.flow, "States[9]") == nullptr);
}

}  // namespace
}  // namespace fnf::internal

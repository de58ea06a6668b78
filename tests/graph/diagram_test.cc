// The diagram model and its two renderers in-process: what must be escaped in
// each dialect's labels, and how a run is marked.
#if defined(FNF_TOOL_PATH)  // fnf_graph is built with the tool

#include "graph/diagram.h"

#include <string>

#include "fnf/options.h"

#include "definition/compiler.h"
#include "tests/testing/catch.h"

namespace fnf::internal {
namespace {

constexpr char kFlow[] = R"(Type: StateMachine
SpecVersion: v1
StartAt: "Say \"hi\""
States:
  - Type: Choice
    Name: "Say \"hi\""
    Branches:
      - Condition: $Input.a < 1 || $Input.b > 2
        Next: Done
    Default: Done
  - Type: Succeed
    Name: Done
)";

Diagram Build() {
  Limits limits;
  CompileOptions options;
  options.limits = &limits;
  CompileResult compiled = CompileDefinition(kFlow, options);
  REQUIRE(compiled.flow);
  return BuildDiagram(*compiled.flow);
}

TEST_CASE("Mermaid labels escape quotes, angle brackets and bars", "[graph]") {
  std::string text = RenderMermaid(Build());
  CHECK(text ==
        "flowchart TD\n"
        "  flow_start((Start))\n"
        "  n0{\"Say #quot;hi#quot;<br/><i>Choice</i>\"}\n"
        "  n1([\"Done<br/><i>Succeed</i>\"])\n"
        "  flow_end((End))\n"
        "  flow_start --> n0\n"
        "  n0 -->|\"$Input.a #lt; 1 #124;#124; $Input.b #gt; 2\"| n1\n"
        "  n0 -->|\"Default\"| n1\n"
        "  n1 --> flow_end\n");
}

TEST_CASE("dot labels escape quotes and backslashes", "[graph]") {
  std::string text = RenderDot(Build());
  CHECK(text.find("n0 [shape=diamond, label=\"Say \\\"hi\\\"\\nChoice\"];") !=
        std::string::npos);
  CHECK(text.find("n0 -> n1 [label=\"$Input.a < 1 || $Input.b > 2\"];") !=
        std::string::npos);
}

TEST_CASE("MarkRun marks by name; failed wins over visited", "[graph]") {
  Diagram diagram = Build();
  MarkRun({"Say \"hi\"", "Done"}, {"Done"}, &diagram);
  std::string text = RenderMermaid(diagram);
  CHECK(text.find("  class n0 visited\n  class n1 failed\n") !=
        std::string::npos);
  MarkRun({}, {}, &diagram);
  CHECK(RenderMermaid(diagram).find("classDef") == std::string::npos);
}

}  // namespace
}  // namespace fnf::internal

#endif  // defined(FNF_TOOL_PATH)

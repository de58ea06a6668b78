// A mock file (YAML or JSON) loaded and then used by a run of a flow whose
// tasks the mocks answer.
#include "fuzz_support.h"

namespace {

constexpr std::string_view kFlow = R"(Type: StateMachine
SpecVersion: v1
StartAt: A
States:
  - Type: Task
    Name: A
    Action: Demo:Work
    Next: B
  - Type: Task
    Name: B
    Action: Demo:Work
    End: true
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fnf::fuzz::ManualEngine env;
  fnf::Engine& engine = env.engine;
  if (!engine.LoadMocks(fnf::fuzz::AsText(data, size)).ok()) return 0;
  fnf::CreateFlowRequest create;
  create.name = "f";
  create.definition = std::string(kFlow);
  if (!engine.CreateFlow(create).ok()) __builtin_trap();
  fnf::StartExecutionRequest start;
  start.flow_name = "f";
  start.execution_name = "e";
  start.input = "{}";
  if (!engine.StartExecution(start).ok()) return 0;
  for (int i = 0; i < 16 && engine.RunReady() > 0; ++i) {
  }
  (void)engine.DescribeExecution("f", "e");
  (void)engine.GetExecutionHistory("f", "e");
  return 0;
}

// The same round trip as main.cc from a C++17 host: fnf's public headers ask
// for nothing newer, so projects that have not moved to C++20 can embed it.
// Written without designated initializers (C++20) on purpose.
#include <chrono>
#include <iostream>

#include <fnf/fnf.h>

static_assert(__cplusplus == 201703L, "this consumer must build as C++17");

int main() {
  fnf::Engine engine;
  fnf::CreateFlowRequest create;
  create.name = "consumer17";
  create.definition =
      "Type: StateMachine\nSpecVersion: v1\nStartAt: P\nStates:\n"
      "  - {Type: Pass, Name: P, End: true}\n";
  auto flow = engine.CreateFlow(create);
  if (!flow.ok()) return std::cerr << flow.status().ToString() << "\n", 1;
  fnf::StartExecutionRequest start;
  start.flow_name = "consumer17";
  start.input = R"({"cxx": 17})";
  auto run = engine.StartExecution(start);
  if (!run.ok()) return std::cerr << run.status().ToString() << "\n", 1;
  auto done =
      engine.WaitExecution("consumer17", run->name, std::chrono::seconds(10));
  if (!done.ok()) return std::cerr << done.status().ToString() << "\n", 1;
  std::cout << "fnf " << fnf::Version()
            << " (C++17 host): " << fnf::ToString(done->status) << " "
            << done->output << "\n";
  return done->status == fnf::ExecutionStatus::kSucceeded &&
                 done->output == R"({"cxx":17})"
             ? 0
             : 1;
}

// Creates a flow with one Pass state through an installed fnf, runs it and
// checks Succeeded.
#include <chrono>
#include <iostream>

#include <fnf/fnf.h>

int main() {
  fnf::Engine engine;
  auto flow = engine.CreateFlow({.name = "consumer", .definition = R"(
Type: StateMachine
SpecVersion: v1
StartAt: P
States:
  - {Type: Pass, Name: P, End: true}
)"});
  if (!flow.ok()) return std::cerr << flow.status().ToString() << "\n", 1;
  auto run =
      engine.StartExecution({.flow_name = "consumer", .input = R"({"a": 1})"});
  if (!run.ok()) return std::cerr << run.status().ToString() << "\n", 1;
  auto done =
      engine.WaitExecution("consumer", run->name, std::chrono::seconds(10));
  if (!done.ok()) return std::cerr << done.status().ToString() << "\n", 1;
  std::cout << fnf::ToString(done->status) << " " << done->output << "\n";
  return done->status == fnf::ExecutionStatus::kSucceeded ? 0 : 1;
}

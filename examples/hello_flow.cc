// hello_flow: the smallest host. Creates a flow, starts an execution, waits for
// it and prints its output. Exits non-zero unless the execution Succeeded.
#include <chrono>
#include <iostream>

#include <fnf/fnf.h>

int main() {
  fnf::Engine engine;  // worker threads, system clock
  auto flow = engine.CreateFlow({.name = "hello", .definition = R"(
    Type: StateMachine
    SpecVersion: v1
    StartAt: Greet
    States:
      - Type: Pass
        Name: Greet
        OutputConstructor:
          greeting.$: format('Hello, {}!', $Input.name)
        End: true)"});
  if (!flow.ok()) {
    std::cerr << flow.status().ToString() << "\n";
    return 1;
  }
  auto started = engine.StartExecution(
      {.flow_name = "hello", .input = R"({"name": "fnf"})"});
  if (!started.ok()) {
    std::cerr << started.status().ToString() << "\n";
    return 1;
  }
  auto done =
      engine.WaitExecution("hello", started->name, std::chrono::seconds(10));
  if (!done.ok()) {
    std::cerr << done.status().ToString() << "\n";
    return 1;
  }
  std::cout << fnf::ToString(done->status) << " " << done->output << "\n";
  // Succeeded {"greeting":"Hello, fnf!"}
  return done->status == fnf::ExecutionStatus::kSucceeded ? 0 : 1;
}

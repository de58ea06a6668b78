// Creates a flow with one Pass state through an installed (or fetched) fnf,
// runs it and checks Succeeded, and that the library's version is the
// headers'. Built by CI with CMake (find_package, FetchContent) and with
// pkg-config alone, with -Wall -Wextra -Werror.
#include <chrono>
#include <iostream>

#include <fnf/fnf.h>

int main() {
  if (fnf::Version() != FNF_VERSION_STRING) {
    std::cerr << "library " << fnf::Version() << ", headers "
              << FNF_VERSION_STRING << "\n";
    return 1;
  }
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
  std::cout << "fnf " << fnf::Version() << ": " << fnf::ToString(done->status)
            << " " << done->output << "\n";
  return done->status == fnf::ExecutionStatus::kSucceeded ? 0 : 1;
}

// Proves that the installed headers compile as C++17 (fnf::fnf requires only
// cxx_std_17 of its consumers): aggregate initialisation without designated
// initializers.
#include <fnf/fnf.h>

int main() {
  fnf::Engine engine;
  fnf::CreateFlowRequest request;
  request.name = "consumer17";
  request.definition =
      "Type: StateMachine\nSpecVersion: v1\nStartAt: P\n"
      "States:\n  - {Type: Pass, Name: P, End: true}\n";
  return engine.CreateFlow(request).ok() ? 0 : 1;
}

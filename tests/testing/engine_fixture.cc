#include "tests/testing/engine_fixture.h"

#include "tests/testing/catch.h"

namespace fnf::testing {

ManualEngine::ManualEngine(Limits limits) {
  EngineOptions options;
  options.worker_threads = 0;
  options.clock = &clock;
  options.random_seed = 42;
  options.limits = limits;
  engine = std::make_unique<Engine>(options);
}

void ManualEngine::Create(const std::string& name,
                          const std::string& definition,
                          const std::string& mode) {
  CreateFlowRequest req;
  req.name = name;
  req.definition = definition;
  req.execution_mode = mode;
  StatusOr<fnf::Flow> f = engine->CreateFlow(req);
  INFO(f.status().ToString());
  REQUIRE(f.ok());
}

Execution ManualEngine::Run(const std::string& flow, const std::string& input,
                            const std::string& name) {
  StartExecutionRequest req;
  req.flow_name = flow;
  req.input = input;
  req.execution_name = name;
  StatusOr<Execution> e = engine->StartExecution(req);
  INFO(e.status().ToString());
  REQUIRE(e.ok());
  engine->RunReady();
  StatusOr<Execution> d = engine->DescribeExecution(flow, e->name);
  REQUIRE(d.ok());
  return *d;
}

std::vector<HistoryEvent> ManualEngine::Events(const std::string& flow,
                                               const std::string& execution) {
  std::vector<HistoryEvent> out;
  std::string token;
  do {
    auto page = engine->GetExecutionHistory(flow, execution, 1000, token);
    REQUIRE(page.ok());
    out.insert(out.end(), page->items.begin(), page->items.end());
    token = page->next_token;
  } while (!token.empty());
  return out;
}

std::vector<std::string> ManualEngine::EventTypes(
    const std::string& flow, const std::string& execution) {
  std::vector<std::string> out;
  for (const HistoryEvent& e : Events(flow, execution)) out.push_back(e.type);
  return out;
}

std::string Flow(const std::string& states, const std::string& start) {
  return "Type: StateMachine\nSpecVersion: v1\nStartAt: " + start +
         "\nStates:\n" + states;
}

}  // namespace fnf::testing

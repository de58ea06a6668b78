// Helpers for tests that drive an Engine through its public API in manual mode.
#ifndef FNF_TESTS_TESTING_ENGINE_FIXTURE_H_
#define FNF_TESTS_TESTING_ENGINE_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "fnf/fnf.h"

namespace fnf::testing {

// A manual-mode engine on a ManualClock (2019-01-01T00:00:00Z) with a fixed
// random seed.
struct ManualEngine {
  explicit ManualEngine(Limits limits = {});
  ManualClock clock;
  std::unique_ptr<Engine> engine;

  // Creates a Standard flow; fails the test when it is refused.
  void Create(const std::string& name, const std::string& definition,
              const std::string& mode = "Standard");
  // Starts an execution and runs the engine until nothing is ready.
  Execution Run(const std::string& flow, const std::string& input = "{}",
                const std::string& name = "");
  // Event types of the history, in order.
  std::vector<std::string> EventTypes(const std::string& flow,
                                      const std::string& execution);
  std::vector<HistoryEvent> Events(const std::string& flow,
                                   const std::string& execution);
};

// A CloudFlow definition with the given States (YAML list items, indented by
// 2).
std::string Flow(const std::string& states, const std::string& start = "A");

}  // namespace fnf::testing

#endif  // FNF_TESTS_TESTING_ENGINE_FIXTURE_H_

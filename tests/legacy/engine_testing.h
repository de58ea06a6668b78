// Helpers for the legacy end-to-end tests (tests/legacy/engine_*_test.cc):
// legacy definitions from a steps list, executions driven in manual mode, and
// history events in a compact form.
#ifndef FNF_TESTS_LEGACY_ENGINE_TESTING_H_
#define FNF_TESTS_LEGACY_ENGINE_TESTING_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fnf/fnf.h"

#include "tests/testing/catch.h"
#include "tests/testing/engine_fixture.h"

namespace fnf::legacy_engine_testing {

using testing::ManualEngine;

// A `version: v1` legacy definition: `head` (top-level keys, each line ending
// in a newline) and then the steps, YAML list items indented by 2.
inline std::string Legacy(const std::string& steps,
                          const std::string& head = "") {
  return "version: v1\ntype: flow\n" + head + "steps:\n" + steps;
}

// The time ManualEngine's clock starts at.
inline TimePoint T0() { return ManualClock().Now(); }

// Starts execution `name` of `flow` and runs what is ready, without waiting
// for the end.
inline void Start(ManualEngine& m, const std::string& flow,
                  const std::string& name, const std::string& input = "{}") {
  StatusOr<Execution> e = m.engine->StartExecution(
      {.flow_name = flow, .execution_name = name, .input = input});
  INFO(e.status().ToString());
  REQUIRE(e.ok());
  m.engine->RunReady();
}

inline Execution Describe(ManualEngine& m, const std::string& flow,
                          const std::string& name) {
  StatusOr<Execution> e = m.engine->DescribeExecution(flow, name);
  INFO(e.status().ToString());
  REQUIRE(e.ok());
  return *e;
}

// Advances the clock to the next timer and runs what is then ready.
inline void AdvanceToNextWakeup(ManualEngine& m) {
  REQUIRE(m.engine->NextWakeupTime().has_value());
  m.clock.Set(*m.engine->NextWakeupTime());
  m.engine->RunReady();
}

// "Type" or "Type StepName" per event.
inline std::vector<std::string> Steps(ManualEngine& m, const std::string& flow,
                                      const std::string& execution) {
  std::vector<std::string> out;
  for (const HistoryEvent& e : m.Events(flow, execution)) {
    out.push_back(e.step_name.empty() ? e.type : e.type + " " + e.step_name);
  }
  return out;
}

// tests/data/legacy/<name>, in the source tree.
inline std::string ReadLegacyData(const std::string& name) {
  std::ifstream in(FNF_SOURCE_DIR "/tests/data/legacy/" + name);
  INFO("data file " << name);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace fnf::legacy_engine_testing

#endif  // FNF_TESTS_LEGACY_ENGINE_TESTING_H_

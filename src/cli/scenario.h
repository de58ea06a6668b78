// The scenario files of `fnf test`: a flow and named scenarios, each with an
// input, mocked task answers and what the execution must end with.
//
//   Flow: order.yaml             # relative to the scenario file
//   Scenarios:
//     - Name: approved after one throttle
//       Input: {amount: 5}
//       Mocks:                   # per task state: one answer, or a list used
//         Charge:                # in order, the last one repeating
//           - {Error: Throttled, Cause: slow down}   # a failure
//           - {Output: {id: 7}}                      # an output
//       Expect: {Status: Succeeded, Output: {id: 7}}
//     - Name: nobody approves
//       Mocks:
//         Approve: {NeverAnswers: true}              # the task's Timeout fires
//       Expect: {Status: Failed, Error: FnF.Timeout}
//     - Name: approved late
//       Mocks:
//         Approve: {After: 30, Output: {ok: true}}   # 30 virtual seconds later
//
// An answer that is an object without Output, Error, NeverAnswers or After is
// the output itself, as in `fnf run --mocks` files.
#ifndef FNF_CLI_SCENARIO_H_
#define FNF_CLI_SCENARIO_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fnf::cli {

struct MockAnswer {
  enum class Kind { kOutput, kError, kNever };
  Kind kind = Kind::kOutput;
  std::string output;        // kOutput: JSON object text
  std::string error, cause;  // kError
  double after_seconds = 0;  // answered this long (virtual time) after the call
};

struct Scenario {
  std::string name;
  int line = 0;  // where it starts in its file
  std::string input = "{}";
  std::map<std::string, std::vector<MockAnswer>> mocks;  // by state name
  std::string expect_status = "Succeeded";
  std::optional<std::string> expect_output;  // JSON text
  std::optional<std::string> expect_error, expect_cause;
};

struct ScenarioFile {
  std::string flow_file;   // resolved against the scenario file's directory
  std::string definition;  // its text
  std::vector<Scenario> scenarios;
};

// Reads `path`. On a problem returns false with `*error` saying where
// ("LINE:COL: Scenarios[1].Mocks.Charge[0]: ...").
bool LoadScenarioFile(const std::string& path, ScenarioFile* file,
                      std::string* error);

}  // namespace fnf::cli

#endif  // FNF_CLI_SCENARIO_H_

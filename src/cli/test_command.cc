#include "cli/test_command.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fnf/clock.h"
#include "fnf/engine.h"
#include "fnf/options.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/flow_name.h"
#include "cli/flow_states.h"
#include "cli/messages.h"
#include "cli/scenario.h"
#include "cli/scenario_mocks.h"
#include "cli/virtual_run.h"
#include "definition/compiler.h"
#include "expr/suggest.h"
#include "json/json.h"

namespace fnf::cli {
namespace {

// Every scenario starts at the same virtual time, so runs are repeatable.
constexpr std::chrono::seconds kScenarioEpoch(1767225600);  // 2026-01-01

bool SameJson(const std::string& a, const std::string& b) {
  internal::JsonParseResult x = internal::ParseJson(a);
  internal::JsonParseResult y = internal::ParseJson(b);
  return x.ok && y.ok && x.value == y.value;
}

// Why the execution does not meet the scenario's expectations ("" when it
// does).
std::string Mismatch(const Scenario& scenario, const Execution& execution) {
  std::string status(ToString(execution.status));
  std::string error_text = execution.error_code.empty()
                               ? ""
                               : " (" + execution.error_code +
                                     (execution.error_message.empty()
                                          ? ""
                                          : ": " + execution.error_message) +
                                     ")";
  if (status != scenario.expect_status) {
    return "Status: expected " + scenario.expect_status + ", got " + status +
           error_text;
  }
  if (scenario.expect_output &&
      !SameJson(*scenario.expect_output, execution.output)) {
    return "Output: expected " + *scenario.expect_output + ", got " +
           execution.output;
  }
  if (scenario.expect_error && *scenario.expect_error != execution.error_code) {
    return "Error: expected " + *scenario.expect_error + ", got " +
           (execution.error_code.empty() ? "none" : execution.error_code);
  }
  if (scenario.expect_cause &&
      *scenario.expect_cause != execution.error_message) {
    return "Cause: expected '" + *scenario.expect_cause + "', got '" +
           execution.error_message + "'";
  }
  return "";
}

// Runs one scenario; returns "" when it passed, else why not.
std::string RunScenario(const ScenarioFile& file, const Scenario& scenario) {
  ManualClock clock{TimePoint(kScenarioEpoch)};
  EngineOptions options;
  options.worker_threads = 0;
  options.clock = &clock;
  options.random_seed = 1;
  Engine engine(options);
  CreateFlowRequest create;
  create.name = DeriveFlowName(file.definition, file.flow_file);
  create.definition = file.definition;
  StatusOr<Flow> flow = engine.CreateFlow(create);
  if (!flow.ok()) return FormatApiError(flow.status(), file.flow_file);
  ScenarioMocks mocks(engine, clock, scenario.mocks);
  mocks.Register();
  StartExecutionRequest start;
  start.flow_name = create.name;
  start.execution_name = "scenario";
  start.input = scenario.input;
  StatusOr<Execution> started = engine.StartExecution(start);
  if (!started.ok()) return FormatApiError(started.status(), "Input");
  std::ostringstream stalled;
  StatusOr<Execution> done =
      IsTerminal(started->status)
          ? started
          : RunOnVirtualClock(engine, clock, mocks, create.name, started->name,
                              Progress(), stalled);
  if (!done.ok()) return FormatApiError(done.status(), "");
  return Mismatch(scenario, *done);
}

// Checks what can be checked before running: the flow is valid and every
// mocked state is a task state of it. Prints problems on `err`.
bool CheckFile(const std::string& path, const ScenarioFile& file,
               std::ostream& err) {
  Limits limits;
  internal::CompileOptions options;
  options.limits = &limits;
  internal::CompileResult compiled =
      internal::CompileDefinition(file.definition, options);
  if (!compiled.flow) {
    for (const Diagnostic& problem : compiled.diagnostics) {
      err << "fnf: InvalidArgument: "
          << FormatDiagnostic(file.flow_file, problem) << "\n";
    }
    return false;
  }
  std::vector<TaskState> tasks = TaskStates(*compiled.flow);
  std::vector<std::string_view> names = TaskStateNames(tasks);
  bool ok = true;
  for (const Scenario& scenario : file.scenarios) {
    for (const auto& [state, answers] : scenario.mocks) {
      if (std::find(names.begin(), names.end(), state) != names.end()) {
        continue;
      }
      err << path << ":" << scenario.line << ": scenario '" << scenario.name
          << "': Mocks: '" << state << "' is not a task state of the flow"
          << internal::DidYouMean(state, names) << "\n";
      ok = false;
    }
  }
  return ok;
}

}  // namespace

int TestCommand(const std::vector<std::string>& args, std::ostream& out,
                std::ostream& err) {
  TestArgs test_args;
  if (auto done = ParseCommandArgs("test", args, ParseTestArgs, TestHelp,
                                   &test_args, out, err)) {
    return *done;
  }
  int passed = 0, failed = 0;
  bool invalid = false;
  for (const std::string& path : test_args.files) {
    ScenarioFile file;
    std::string error;
    if (!LoadScenarioFile(path, &file, &error)) {
      // A located problem reads "FILE:LINE:COL: ...", others "FILE: ...".
      bool located = !error.empty() && error[0] >= '0' && error[0] <= '9';
      err << path << (located ? ":" : ": ") << error << "\n";
      invalid = true;
      continue;
    }
    if (!CheckFile(path, file, err)) {
      invalid = true;
      continue;
    }
    for (const Scenario& scenario : file.scenarios) {
      std::string why = RunScenario(file, scenario);
      if (why.empty()) {
        ++passed;
        out << "ok    " << path << ": " << scenario.name << "\n";
      } else {
        ++failed;
        out << "FAIL  " << path << ":" << scenario.line << ": " << scenario.name
            << ": " << why << "\n";
      }
    }
  }
  out << passed + failed << " scenario" << (passed + failed == 1 ? "" : "s")
      << ": " << passed << " passed, " << failed << " failed\n";
  if (invalid) return kExitInvalid;
  return failed > 0 ? kExitEndedOtherwise : kExitSucceeded;
}

}  // namespace fnf::cli

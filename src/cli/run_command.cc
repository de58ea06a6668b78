#include "cli/run_command.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fnf/clock.h"
#include "fnf/engine.h"
#include "fnf/options.h"
#include "fnf/status.h"
#include "fnf/types.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/command_task.h"
#include "cli/execution_json.h"
#include "cli/file_io.h"
#include "cli/flow_name.h"
#include "cli/json_text.h"
#include "cli/messages.h"
#include "cli/usage.h"

namespace fnf::cli {
namespace {

// The error a --virtual-time run stops an execution with when nothing can ever
// move it on.
constexpr std::string_view kStalledError = internal::kErrStalled;
constexpr char kStalledCause[] =
    "no step is ready and no timer is pending: the execution waits for a "
    "callback that nothing will send (fnf run --virtual-time)";

// WaitExecution returns at this timeout and we simply wait again; it only
// bounds each call.
constexpr std::chrono::hours kWaitSlice(24);

// The files and input of a run, read and checked before any engine exists.
struct RunInputs {
  std::string definition;
  std::string input = "{}";
  std::string mocks;
};

bool ReadInputs(const RunArgs& args, RunInputs* inputs, std::ostream& err) {
  std::string error;
  if (!ReadWholeFile(args.flow_file, &inputs->definition, &error)) {
    err << "fnf: cannot read flow file '" << args.flow_file << "': " << error
        << "\n";
    return false;
  }
  std::string input_location = "--input";
  if (args.input) {
    inputs->input = *args.input;
  } else if (args.input_file) {
    input_location = *args.input_file;
    if (!ReadWholeFile(*args.input_file, &inputs->input, &error)) {
      err << "fnf: cannot read input file '" << *args.input_file
          << "': " << error << "\n";
      return false;
    }
  }
  // Checked here too (StartExecution checks it as well) to point at the line
  // and column.
  if (auto problem = FindJsonProblem(inputs->input, /*require_object=*/true)) {
    err << "fnf: InvalidArgument: " << input_location << ":" << problem->line
        << ":" << problem->column
        << ": the input must be a JSON object: " << problem->message << "\n";
    return false;
  }
  if (args.mocks_file &&
      !ReadWholeFile(*args.mocks_file, &inputs->mocks, &error)) {
    err << "fnf: cannot read mocks file '" << *args.mocks_file << "': " << error
        << "\n";
    return false;
  }
  return true;
}

// Problems before the execution exists come from what the user gave us, except
// an engine fault.
int ExitStatusForSetupError(const Status& status) {
  return status.error_code() == ErrorCode::kInternalServerError
             ? kExitEndedOtherwise
             : kExitInvalid;
}

StatusOr<Execution> WaitOnRealClock(Engine& engine,
                                    const std::string& flow_name,
                                    const std::string& execution_name) {
  for (;;) {
    StatusOr<Execution> execution =
        engine.WaitExecution(flow_name, execution_name, kWaitSlice);
    if (!execution.ok() || IsTerminal(execution->status)) return execution;
  }
}

// Drives a manual-mode engine: runs what is ready, and when nothing is, jumps
// the clock to the next timer. An execution with neither could only be moved on
// by a callback, which no one can send to this process, so it is stopped rather
// than left to hang.
StatusOr<Execution> RunOnVirtualClock(Engine& engine, ManualClock& clock,
                                      const std::string& flow_name,
                                      const std::string& execution_name,
                                      std::ostream& err) {
  // A timer that is due may need a round to turn into ready steps; more idle
  // rounds than this at the same time mean nothing will happen.
  constexpr int kMaxIdleRounds = 3;
  int idle_rounds = 0;
  for (;;) {
    size_t steps = engine.RunReady();
    StatusOr<Execution> execution =
        engine.DescribeExecution(flow_name, execution_name);
    if (!execution.ok() || IsTerminal(execution->status)) return execution;
    if (steps > 0) {
      idle_rounds = 0;
      continue;
    }
    std::optional<TimePoint> wakeup = engine.NextWakeupTime();
    if (wakeup && *wakeup > clock.Now()) {
      clock.Set(*wakeup);
      idle_rounds = 0;
      continue;
    }
    if (wakeup && ++idle_rounds <= kMaxIdleRounds) continue;
    err << "fnf: execution " << execution_name << " is stuck: " << kStalledCause
        << "; stopping it with error " << kStalledError << "\n";
    StopExecutionRequest stop;
    stop.flow_name = flow_name;
    stop.execution_name = execution_name;
    stop.error = std::string(kStalledError);
    stop.cause = kStalledCause;
    StatusOr<Execution> stopped = engine.StopExecution(stop);
    // ExecutionAlreadyCompleted: it ended after all; report it as it ended.
    if (!stopped.ok()) {
      return engine.DescribeExecution(flow_name, execution_name);
    }
    return stopped;
  }
}

StatusOr<std::vector<HistoryEvent>> FullHistory(
    Engine& engine, const std::string& flow_name,
    const std::string& execution_name) {
  std::vector<HistoryEvent> events;
  std::string token;
  for (;;) {
    StatusOr<Page<HistoryEvent>> page = engine.GetExecutionHistory(
        flow_name, execution_name, /*limit=*/0, token);
    if (!page.ok()) return page.status();
    for (HistoryEvent& event : page->items) events.push_back(std::move(event));
    // A token that does not move on would loop forever.
    if (page->next_token.empty() || page->next_token == token) return events;
    token = page->next_token;
  }
}

}  // namespace

int RunCommand(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err) {
  RunArgs run_args;
  std::string error;
  if (!ParseRunArgs(args, &run_args, &error)) {
    err << "fnf run: " << error << "\n\n" << RunUsage();
    return kExitInvalid;
  }
  if (run_args.help) {
    out << RunUsage();
    return kExitSucceeded;
  }
  RunInputs inputs;
  if (!ReadInputs(run_args, &inputs, err)) return kExitInvalid;

  // Declared before the engine, which uses them until it is gone. The virtual
  // clock starts at the real time (whole milliseconds, as time stamps show
  // them), so time stamps stay plausible.
  std::mutex err_mu;
  ManualClock virtual_clock(
      std::chrono::time_point_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now()));
  EngineOptions options;
  if (run_args.virtual_time) {
    options.worker_threads = 0;
    options.clock = &virtual_clock;
  }
  Engine engine(options);

  const std::string& file = run_args.flow_file;
  std::vector<Diagnostic> problems =
      engine.ValidateDefinition(inputs.definition);
  if (!problems.empty()) {
    for (const Diagnostic& problem : problems) {
      err << "fnf: InvalidArgument: " << FormatDiagnostic(file, problem)
          << "\n";
    }
    return kExitInvalid;
  }
  const std::string flow_name = DeriveFlowName(inputs.definition, file);
  CreateFlowRequest create;
  create.name = flow_name;
  create.definition = inputs.definition;
  create.execution_mode = "Standard";
  StatusOr<Flow> flow = engine.CreateFlow(create);
  if (!flow.ok()) {
    err << FormatApiError(flow.status(), file) << "\n";
    return ExitStatusForSetupError(flow.status());
  }
  if (run_args.mocks_file) {
    if (Status status = engine.LoadMocks(inputs.mocks); !status.ok()) {
      err << FormatApiError(status, *run_args.mocks_file) << "\n";
      return ExitStatusForSetupError(status);
    }
  }
  // Commands run on engine threads; their stderr lines must not interleave
  // mid-line.
  StderrSink forward_stderr = [&err, &err_mu](std::string_view text) {
    std::lock_guard<std::mutex> lock(err_mu);
    err << text;
    if (!text.empty() && text.back() != '\n') err << "\n";
    err.flush();
  };
  for (const TaskCommand& task : run_args.tasks) {
    engine.RegisterTaskHandler(
        task.key, MakeCommandTaskHandler(task.command, forward_stderr));
  }

  StartExecutionRequest start;
  start.flow_name = flow_name;
  start.execution_name = run_args.execution_name;
  start.input = inputs.input;
  StatusOr<Execution> started = engine.StartExecution(start);
  if (!started.ok()) {
    std::lock_guard<std::mutex> lock(err_mu);
    err << FormatApiError(started.status(), "") << "\n";
    return ExitStatusForSetupError(started.status());
  }
  const std::string execution_name = started->name;
  StatusOr<Execution> done =
      IsTerminal(started->status) ? started
      : run_args.virtual_time
          ? RunOnVirtualClock(engine, virtual_clock, flow_name, execution_name,
                              err)
          : WaitOnRealClock(engine, flow_name, execution_name);
  std::lock_guard<std::mutex> lock(err_mu);
  if (!done.ok()) {
    err << FormatApiError(done.status(), "") << "\n";
    return kExitEndedOtherwise;
  }
  std::optional<std::vector<HistoryEvent>> events;
  if (run_args.history) {
    StatusOr<std::vector<HistoryEvent>> history =
        FullHistory(engine, flow_name, execution_name);
    if (!history.ok()) {
      err << FormatApiError(history.status(), "") << "\n";
      return kExitEndedOtherwise;
    }
    events = std::move(*history);
  }
  out << ExecutionToJson(*done, events ? &*events : nullptr);
  return done->status == ExecutionStatus::kSucceeded ? kExitSucceeded
                                                     : kExitEndedOtherwise;
}

}  // namespace fnf::cli

#include "cli/run_command.h"

#include <chrono>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fnf/clock.h"
#include "fnf/engine.h"
#include "fnf/options.h"
#include "fnf/status.h"
#include "fnf/store.h"
#include "fnf/types.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/command_task.h"
#include "cli/commands.h"
#include "cli/execution_json.h"
#include "cli/execution_text.h"
#include "cli/file_io.h"
#include "cli/flow_name.h"
#include "cli/json_text.h"
#include "cli/legacy_typos.h"
#include "cli/messages.h"
#include "cli/run_trace.h"
#include "cli/run_warnings.h"
#include "cli/task_runner.h"
#include "cli/virtual_run.h"
#include <unistd.h>

namespace fnf::cli {
namespace {

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
                                    const std::string& execution_name,
                                    const Progress& progress) {
  // Without a trace there is nothing to do between waits, so each wait may be
  // long; with one, short waits keep the trace live.
  const std::chrono::milliseconds slice =
      progress ? std::chrono::milliseconds(200) : kWaitSlice;
  for (;;) {
    StatusOr<Execution> execution =
        engine.WaitExecution(flow_name, execution_name, slice);
    if (progress) progress();
    if (!execution.ok() || IsTerminal(execution->status)) return execution;
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

// --output auto: text for a person at a terminal, JSON for programs.
bool TextOutput(OutputFormat format, const std::ostream& out) {
  if (format != OutputFormat::kAuto) return format == OutputFormat::kText;
  return &out == &std::cout && ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace

int RunCommand(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err) {
  RunArgs run_args;
  if (auto done = ParseCommandArgs("run", args, ParseRunArgs, RunHelp,
                                   &run_args, out, err)) {
    return *done;
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
  if (run_args.store) {
    StatusOr<std::shared_ptr<Store>> store = OpenSqliteStore(*run_args.store);
    if (!store.ok()) {
      err << FormatApiError(store.status(), "") << "\n";
      return ExitStatusForSetupError(store.status());
    }
    options.store = std::move(*store);
  }
  Engine engine(options);

  const std::string& file = run_args.flow_file;
  // An oversized definition is left to CreateFlow, so the tool reports it as
  // the library does (EntityTooLarge), without parsing it first.
  const bool too_large =
      inputs.definition.size() > options.limits.request_bytes;
  std::vector<Diagnostic> problems;
  if (!too_large) problems = engine.ValidateDefinition(inputs.definition);
  if (!problems.empty()) {
    // On a terminal, each problem with its line and a caret, as compilers do.
    const bool show_source = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
    for (const Diagnostic& problem : problems) {
      err << "fnf: InvalidArgument: " << FormatDiagnostic(file, problem)
          << "\n";
      if (show_source) {
        err << SourceExcerpt(inputs.definition, problem.line, problem.column);
      }
    }
    return kExitInvalid;
  }
  const std::string flow_name = too_large
                                    ? FlowNameFromPath(file)
                                    : DeriveFlowName(inputs.definition, file);
  CreateFlowRequest create;
  create.name = flow_name;
  create.definition = inputs.definition;
  create.execution_mode = "Standard";
  StatusOr<Flow> flow = engine.CreateFlow(create);
  if (!flow.ok() && run_args.store &&
      flow.status().error_code() == ErrorCode::kFlowAlreadyExists) {
    // The store has it from an earlier run: it gets this file's definition
    // (executions keep the version they started with).
    UpdateFlowRequest update;
    update.name = flow_name;
    update.definition = inputs.definition;
    flow = engine.UpdateFlow(update);
  }
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
  // Commands' stderr, prompts and trace lines come from several threads; they
  // must not interleave mid-line.
  StderrSink forward_stderr = [&err, &err_mu](std::string_view text) {
    std::lock_guard<std::mutex> lock(err_mu);
    err << text;
    if (!text.empty() && text.back() != '\n') err << "\n";
    err.flush();
  };
  // Declared after the engine so that it ends (and stops its commands) first.
  TaskRunner tasks(engine, forward_stderr);
  for (const TaskCommand& task : run_args.tasks) {
    engine.RegisterTaskHandler(task.key, tasks.Handler(task.command));
  }

  for (const Diagnostic& typo : LegacyFieldTypos(inputs.definition)) {
    err << "fnf: warning: " << FormatDiagnostic(file, typo) << "\n";
  }
  for (const std::string& warning :
       TaskOptionWarnings(inputs.definition, run_args, inputs.mocks)) {
    err << warning << "\n";
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
  // Executions an earlier run left running go on. Only now: a --name naming
  // one of them has just been answered with it (Running), where a resumed
  // one might have ended first and been refused as ExecutionAlreadyExists.
  if (Status status = engine.Resume(); !status.ok()) {
    std::lock_guard<std::mutex> lock(err_mu);
    err << FormatApiError(status, "") << "\n";
    return ExitStatusForSetupError(status);
  }
  const std::string execution_name = started->name;
  std::optional<RunTrace> trace;
  Progress progress;
  if (run_args.trace) {
    trace.emplace(engine, flow_name, execution_name,
                  [&forward_stderr](const std::string& line) {
                    forward_stderr(line + "\n");
                  });
    progress = [&trace] { trace->Poll(); };
  }
  StatusOr<Execution> done =
      IsTerminal(started->status) ? started
      : run_args.virtual_time
          ? RunOnVirtualClock(engine, virtual_clock, tasks, flow_name,
                              execution_name, progress, err)
          : WaitOnRealClock(engine, flow_name, execution_name, progress);
  if (progress) progress();
  std::lock_guard<std::mutex> lock(err_mu);
  if (!done.ok()) {
    err << FormatApiError(done.status(), "") << "\n";
    return kExitEndedOtherwise;
  }
  const bool text = TextOutput(run_args.output, out);
  std::optional<std::vector<HistoryEvent>> events;
  // Text names the state a failed execution failed in, from its history.
  if (run_args.history ||
      (text && done->status != ExecutionStatus::kSucceeded)) {
    StatusOr<std::vector<HistoryEvent>> history =
        FullHistory(engine, flow_name, execution_name);
    if (!history.ok()) {
      err << FormatApiError(history.status(), "") << "\n";
      return kExitEndedOtherwise;
    }
    events = std::move(*history);
  }
  if (text) {
    out << ExecutionToText(*done,
                           run_args.history && events ? &*events : nullptr,
                           run_args.virtual_time, events ? &*events : nullptr);
  } else {
    out << ExecutionToJson(*done, events ? &*events : nullptr);
  }
  if (std::string hint = NoHandlerHint(*done); !hint.empty()) {
    err << hint << "\n";
  }
  return done->status == ExecutionStatus::kSucceeded ? kExitSucceeded
                                                     : kExitEndedOtherwise;
}

}  // namespace fnf::cli

// A task handler that runs a shell command per task: the `--task KEY=COMMAND`
// of `fnf run`.
//
// The command gets the task request as one JSON object on its standard input:
//   {"FlowName", "ExecutionName", "StateName", "Action", "ResourceArn",
//   "TaskMode",
//    "Parameters", "Input", "TaskToken"}
// with Parameters and Input as JSON values (not text). What it does decides the
// task:
//   exit 0      its standard output is the task's output JSON (empty output:
//   {}); for
//               `Action: FC:InvokeFunction` the output is {"Body": <that
//               JSON>}, or
//               {"Body": "<the text>"} when it is not JSON, as Function Compute
//               answers.
//   exit != 0   the task fails; a JSON object with "Error" (and "Cause") on
//   standard output
//               names the error, else it is FnF.TaskFailed with the standard
//               error as cause.
#ifndef FNF_CLI_COMMAND_TASK_H_
#define FNF_CLI_COMMAND_TASK_H_

#include <functional>
#include <string>
#include <string_view>

#include "fnf/types.h"

#include "cli/subprocess.h"
#include "common/flow_error.h"

namespace fnf::cli {

// The error of a command task that does not name its own.
inline constexpr std::string_view kTaskFailedError = internal::kErrTaskFailed;

// The JSON object a command reads on its standard input.
std::string TaskRequestToJson(const TaskRequest& request);

// What the engine hears from a finished command.
TaskResult TaskResultFromCommand(const TaskRequest& request,
                                 const SubprocessResult& run);

// Receives the standard error of every command, as it was written; may be
// called from several threads at once.
using StderrSink = std::function<void(std::string_view)>;

// A handler that runs `command` with /bin/sh -c for each task it gets. It
// blocks the engine thread that calls it until the command ends. `stderr_sink`
// may be empty.
TaskHandler MakeCommandTaskHandler(std::string command,
                                   StderrSink stderr_sink = {});

}  // namespace fnf::cli

#endif  // FNF_CLI_COMMAND_TASK_H_

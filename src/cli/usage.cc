#include "cli/usage.h"

#include <string>
#include <string_view>

namespace fnf::cli {
namespace {

constexpr std::string_view kRunSynopsis =
    "  fnf run FLOW_FILE [--input JSON | --input-file FILE] [--name "
    "EXECUTION_NAME]\n"
    "                    [--task KEY=COMMAND]... [--mocks FILE] [--history] "
    "[--virtual-time]\n";

constexpr std::string_view kValidateSynopsis = "  fnf validate FLOW_FILE...\n";

constexpr std::string_view kRunDetails =
    "Creates the flow defined in FLOW_FILE (YAML or JSON; named by its Name, "
    "else by the\n"
    "file name), runs one execution to its end and prints it as one JSON "
    "object: Name,\n"
    "FlowName, Status, Input, Output, ErrorCode, ErrorMessage, StartedTime, "
    "StoppedTime.\n"
    "\n"
    "  --input JSON         the execution input, a JSON object (default {})\n"
    "  --input-file FILE    read the input from FILE ('-': standard input)\n"
    "  --name NAME          the execution name (default: a generated one)\n"
    "  --task KEY=COMMAND   run COMMAND with /bin/sh -c for the task states "
    "KEY matches\n"
    "                       (a state name, a resource ARN or an action such "
    "as\n"
    "                       FC:InvokeFunction). The command reads the task "
    "request as\n"
    "                       JSON on stdin; exit 0: stdout is the task's output "
    "JSON;\n"
    "                       otherwise the task fails with the {\"Error\", "
    "\"Cause\"} it\n"
    "                       prints, or with FnF.TaskFailed and its stderr. "
    "Repeatable.\n"
    "  --mocks FILE         canned task responses per state name (JSON or "
    "YAML)\n"
    "  --history            add the execution's history events as \"Events\"\n"
    "  --virtual-time       run waits, retry intervals and timeouts on a "
    "virtual clock:\n"
    "                       no real waiting; time stamps advance by the "
    "virtual amount\n";

constexpr std::string_view kValidateDetails =
    "Checks flow definitions and prints every problem in every file as\n"
    "FILE:LINE:COL: message on standard output.\n";

constexpr std::string_view kExitStatus =
    "Exit status: 0 the execution succeeded (validate: every file is valid); 1 "
    "it ended\n"
    "Failed, TimedOut or Stopped; 2 the definition, the input or the arguments "
    "are invalid.\n";

constexpr std::string_view kCommands =
    "Runs Serverless Workflow / CloudFlow flows locally with the fnf engine.\n"
    "\n"
    "Commands:\n"
    "  run        run one execution of a flow and print it as JSON\n"
    "  validate   check flow definitions and print every problem\n"
    "\n"
    "'fnf run --help' and 'fnf validate --help' describe their options.\n";

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (std::string_view part : parts) text += part;
  return text;
}

}  // namespace

std::string MainUsage() {
  return Join({"Usage:\n", kRunSynopsis, kValidateSynopsis, "  fnf --help\n\n",
               kCommands, "\n", kExitStatus});
}

std::string RunUsage() {
  return Join({"Usage:\n", kRunSynopsis, "\n", kRunDetails, "\n", kExitStatus});
}

std::string ValidateUsage() {
  return Join({"Usage:\n", kValidateSynopsis, "\n", kValidateDetails, "\n",
               kExitStatus});
}

}  // namespace fnf::cli

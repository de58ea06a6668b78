#include "cli/commands.h"

#include <array>

#include "cli/cli.h"
#include "cli/completion_command.h"
#include "cli/graph_command.h"
#include "cli/help_command.h"
#include "cli/run_command.h"
#ifdef FNF_HAVE_SERVER
#include "cli/serve_command.h"
#endif
#include "cli/test_command.h"
#include "cli/validate_command.h"
#include "cli/version_command.h"

namespace fnf::cli {
namespace {

const std::array kCommands = {
    Command{"run", "run one execution of a flow and print it", RunCommand},
    Command{"validate", "check flow definitions and print every problem",
            ValidateCommand},
    Command{"graph", "print a flow as a Mermaid or Graphviz diagram",
            GraphCommand},
    Command{"test", "run the named scenarios of scenario files (for CI)",
            TestCommand},
#ifdef FNF_HAVE_SERVER
    Command{"serve",
            "serve the cloud API over HTTP (for the Alibaba Cloud SDKs)",
            ServeCommand},
#endif
    Command{"version", "print the version of fnf", VersionCommand},
    Command{"help", "describe a command: fnf help COMMAND", HelpCommand},
    Command{"completion",
            "print a shell completion script: fnf completion bash",
            CompletionCommand},
};

}  // namespace

std::span<const Command> Commands() { return kCommands; }

const Command* FindCommand(std::string_view name) {
  for (const Command& command : kCommands) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

int ArgumentError(std::string_view command, std::string_view error,
                  std::ostream& err) {
  err << "fnf " << command << ": " << error << "\nRun 'fnf help " << command
      << "' for its options.\n";
  return kExitInvalid;
}

}  // namespace fnf::cli

// `fnf completion bash`: a bash completion script built from the commands'
// own option lists, so it never falls behind them.
#ifndef FNF_CLI_COMPLETION_COMMAND_H_
#define FNF_CLI_COMPLETION_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// `args` are the arguments after "completion"; returns the exit status (cli.h).
int CompletionCommand(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_COMPLETION_COMMAND_H_

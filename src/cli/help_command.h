// `fnf help [COMMAND]`: the commands, or one command's options.
#ifndef FNF_CLI_HELP_COMMAND_H_
#define FNF_CLI_HELP_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// `args` are the arguments after "help"; returns the exit status (cli.h).
int HelpCommand(const std::vector<std::string>& args, std::ostream& out,
                std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_HELP_COMMAND_H_

// `fnf version` (and `fnf --version`): prints "fnf <version>".
#ifndef FNF_CLI_VERSION_COMMAND_H_
#define FNF_CLI_VERSION_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// `args` are the arguments after "version"; returns the exit status (cli.h).
int VersionCommand(const std::vector<std::string>& args, std::ostream& out,
                   std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_VERSION_COMMAND_H_

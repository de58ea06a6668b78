// `fnf run`: one execution of a flow file, printed as JSON.
#ifndef FNF_CLI_RUN_COMMAND_H_
#define FNF_CLI_RUN_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// `args` are the arguments after "run". Prints the execution on `out` and
// problems on `err`; returns the exit status (cli.h).
int RunCommand(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_RUN_COMMAND_H_

// `fnf validate`: every problem of every flow file, compiler style.
#ifndef FNF_CLI_VALIDATE_COMMAND_H_
#define FNF_CLI_VALIDATE_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// `args` are the arguments after "validate". Prints each problem as
// "FILE:LINE:COL: message" on `out` (a file that cannot be read is a problem
// too: "FILE: cannot read: reason"); usage mistakes go to `err`. Returns
// kExitSucceeded only when every file is valid, else kExitInvalid.
int ValidateCommand(const std::vector<std::string>& args, std::ostream& out,
                    std::ostream& err);

}  // namespace fnf::cli

#endif  // FNF_CLI_VALIDATE_COMMAND_H_

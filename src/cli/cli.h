// The fnf command-line tool as a library, so that tests can run it in-process.
//
//   fnf run FLOW_FILE [--input JSON | --input-file FILE] [--name
//   EXECUTION_NAME]
//                     [--task KEY=COMMAND]... [--mocks FILE] [--history]
//                     [--virtual-time]
//   fnf validate FLOW_FILE...
//
// Includes only the standard library: src/cli/main.cc includes it from its own
// directory.
#ifndef FNF_CLI_CLI_H_
#define FNF_CLI_CLI_H_

#include <ostream>
#include <string>
#include <vector>

namespace fnf::cli {

// Exit statuses.
inline constexpr int kExitSucceeded =
    0;  // the execution succeeded; every file is valid
inline constexpr int kExitEndedOtherwise =
    1;  // the execution ended Failed, TimedOut, Stopped
inline constexpr int kExitInvalid =
    2;  // invalid definition, input, mocks or arguments

// Runs the tool on `argv` (argv[0] is the program); output goes to `out`,
// problems to `err`. Returns the exit status.
int Main(int argc, char** argv, std::ostream& out, std::ostream& err);

// Main for tests: `args` are the arguments after the program name.
int RunCli(const std::vector<std::string>& args, std::string* out,
           std::string* err);

}  // namespace fnf::cli

#endif  // FNF_CLI_CLI_H_

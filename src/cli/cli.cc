#include "cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

#include "cli/run_command.h"
#include "cli/usage.h"
#include "cli/validate_command.h"

namespace fnf::cli {
namespace {

int Dispatch(const std::vector<std::string>& args, std::ostream& out,
             std::ostream& err) {
  if (args.empty()) {
    err << MainUsage();
    return kExitInvalid;
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "run") return RunCommand(rest, out, err);
  if (command == "validate") return ValidateCommand(rest, out, err);
  if (command == "--help" || command == "-h" || command == "help") {
    out << MainUsage();
    return kExitSucceeded;
  }
  err << "fnf: unknown command '" << command << "'\n\n" << MainUsage();
  return kExitInvalid;
}

}  // namespace

int Main(int argc, char** argv, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  int status = Dispatch(args, out, err);
  out.flush();
  err.flush();
  return status;
}

int RunCli(const std::vector<std::string>& args, std::string* out,
           std::string* err) {
  std::ostringstream out_stream, err_stream;
  int status = Dispatch(args, out_stream, err_stream);
  *out = out_stream.str();
  *err = err_stream.str();
  return status;
}

}  // namespace fnf::cli

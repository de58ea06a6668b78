#include "cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/usage.h"

namespace fnf::cli {
namespace {

int Dispatch(const std::vector<std::string>& args, std::ostream& out,
             std::ostream& err) {
  if (args.empty()) {
    err << MainUsage();
    return kExitInvalid;
  }
  const std::string& name = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (name == "--help" || name == "-h")
    return FindCommand("help")->main(rest, out, err);
  if (name == "--version" || name == "-v") {
    return FindCommand("version")->main(rest, out, err);
  }
  if (const Command* command = FindCommand(name)) {
    return command->main(rest, out, err);
  }
  err << "fnf: unknown " << (name.rfind('-', 0) == 0 ? "option" : "command")
      << " '" << name << "'" << CommandSuggestion(name)
      << "\nRun 'fnf --help' for the commands.\n";
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
